package org.layerloom.engine.data;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a source noticed while loading, for the preview and the "data doctor": {@code notes} are full sentences
 * a student should read (rows skipped and why, files that could not be read, values that were missing), never
 * silent; {@code columns} and {@code firstRows} show the start of a table as it was read (empty for
 * non-tables); {@code texts} are a few example sentences with their labels (empty for non-text data);
 * {@code featureNames} name the input values of a vector example (e.g. "petal length", "colour=red"), or are
 * empty; {@code use} says how many examples were used and counts what was left out, by reason and place
 * (empty where the loader did not count it; the notes then are the only word on it). Immutable; any thread.
 */
public record LoadReport(List<String> notes, List<String> columns, List<List<String>> firstRows,
                         List<TextSample> texts, List<String> featureNames, Optional<DataUse> use) {

    public LoadReport {
        notes = List.copyOf(notes);
        columns = List.copyOf(columns);
        firstRows = firstRows.stream().map(List::copyOf).toList();
        texts = List.copyOf(texts);
        featureNames = List.copyOf(featureNames);
        Objects.requireNonNull(use, "use");
    }

    /** A report whose loader did not count what it left out. */
    public LoadReport(List<String> notes, List<String> columns, List<List<String>> firstRows,
                      List<TextSample> texts, List<String> featureNames) {
        this(notes, columns, firstRows, texts, featureNames, Optional.empty());
    }

    public static LoadReport empty() {
        return new LoadReport(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public static LoadReport ofNotes(List<String> notes) {
        return new LoadReport(notes, List.of(), List.of(), List.of(), List.of());
    }

    public LoadReport withNotes(List<String> newNotes) {
        return new LoadReport(newNotes, columns, firstRows, texts, featureNames, use);
    }

    public LoadReport withTable(List<String> newColumns, List<List<String>> newFirstRows) {
        return new LoadReport(notes, newColumns, newFirstRows, texts, featureNames, use);
    }

    public LoadReport withTexts(List<TextSample> newTexts) {
        return new LoadReport(notes, columns, firstRows, newTexts, featureNames, use);
    }

    public LoadReport withFeatureNames(List<String> names) {
        return new LoadReport(notes, columns, firstRows, texts, names, use);
    }

    /**
     * This report with what the load used and left out: every loader that leaves examples out calls this, e.g.
     * {@code report.withUse(DataUse.counted("row", kept, tally.entries()))}.
     */
    public LoadReport withUse(DataUse newUse) {
        return new LoadReport(notes, columns, firstRows, texts, featureNames, Optional.of(newUse));
    }

    /** One example sentence and the name of its class (or its target as text). */
    public record TextSample(String text, String label) {
        public TextSample {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(label, "label");
        }
    }
}
