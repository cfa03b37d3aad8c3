package org.layerloom.engine.data.image;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The files an image-folder load left out, grouped by reason: how many for each {@link SkipReason} and the
 * first few of them with the detail (e.g. "truncated: the JPEG end marker FF D9 is missing"), for the train
 * command, its JSON and the run manifest. The same facts are in the dataset's notes as sentences.
 * Immutable; any thread.
 */
public record SkippedFiles(Map<SkipReason, Integer> counts, Map<SkipReason, List<Skipped>> first) {

    /** No file left out. */
    public static final SkippedFiles NONE = new SkippedFiles(Map.of(), Map.of());

    public SkippedFiles {
        counts = counts.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(counts));
        EnumMap<SkipReason, List<Skipped>> copy = new EnumMap<>(SkipReason.class);
        first.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        first = java.util.Collections.unmodifiableMap(copy);
    }

    /** How many files were left out for {@code reason}. */
    public int count(SkipReason reason) {
        return counts.getOrDefault(reason, 0);
    }

    /** How many files were left out in all. */
    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One file left out: its path and what was wrong with it. */
    public record Skipped(Path file, String detail) {
        public Skipped {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
