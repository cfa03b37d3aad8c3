package org.layerloom.app.data;

import org.layerloom.engine.data.DatasetRegistry;

/**
 * Which controls the Data area shows for a source: generated sets need nothing, standard sets a Download
 * and an import, the student's own data a file or folder chooser with its options. Immutable; any thread.
 */
public enum SourceKind {
    GENERATED, STANDARD, CSV, IMAGE_FOLDER, TEXT;

    /** The kind of {@code id} in {@code registry}; an unknown id counts as generated (no controls). */
    public static SourceKind of(String id, DatasetRegistry registry) {
        if (id == null) {
            return GENERATED;
        }
        return switch (id) {
            case "csv" -> CSV;
            case "image-folder" -> IMAGE_FOLDER;
            case "text" -> TEXT;
            default -> registry.entry(id).filter(e -> e.downloaded()).map(e -> STANDARD).orElse(GENERATED);
        };
    }
}
