package org.layerloom.engine.imports.keras;

import java.util.ArrayList;
import java.util.List;

/** The notes and problems of one import as they are found, in order. One import, one thread. */
final class ImportLog {

    private final List<String> notes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    void note(String sentence) {
        notes.add(sentence);
    }

    void problem(String sentence) {
        problems.add(sentence);
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
