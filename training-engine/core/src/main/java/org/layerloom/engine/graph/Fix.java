package org.layerloom.engine.graph;

import org.layerloom.engine.graph.edit.GraphEdit;

/**
 * A suggested one-click repair of a problem: a button label ("Insert Flatten") and the edit it
 * applies, one undoable step. The edit fits the graph the problem was found in. Immutable; any thread.
 */
public record Fix(String label, GraphEdit edit) {
}
