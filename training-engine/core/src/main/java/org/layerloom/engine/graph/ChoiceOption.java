package org.layerloom.engine.graph;

/** One option of a choice parameter: the id stored in files and the label shown to students. */
public record ChoiceOption(String id, String label) {
}
