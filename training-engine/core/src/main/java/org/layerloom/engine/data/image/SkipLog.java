package org.layerloom.engine.data.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.layerloom.engine.data.LeftOut;
import org.layerloom.engine.data.LeftOutTally;

/**
 * Collects the files an image-folder load leaves out and turns them into notes (one per reason, naming the
 * first few files relative to the dataset folder) and a {@link SkippedFiles} value. Mutable; used by one load,
 * on the loading thread.
 */
final class SkipLog {

    static final int LISTED = 5;

    private final Path root;
    private final Map<SkipReason, Integer> counts = new EnumMap<>(SkipReason.class);
    private final Map<SkipReason, List<SkippedFiles.Skipped>> first = new EnumMap<>(SkipReason.class);
    private final Map<SkipReason, Map<String, Integer>> details = new EnumMap<>(SkipReason.class);
    private final List<Map.Entry<Path, SkipReason>> all = new ArrayList<>();

    SkipLog(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Records that {@code file} was left out for {@code reason}; {@code detail} says what is wrong with it. */
    void skip(Path file, SkipReason reason, String detail) {
        counts.merge(reason, 1, Integer::sum);
        all.add(Map.entry(file.toAbsolutePath().normalize(), reason));
        List<SkippedFiles.Skipped> list = first.computeIfAbsent(reason, r -> new ArrayList<>());
        if (list.size() < LISTED) {
            list.add(new SkippedFiles.Skipped(file, detail));
        }
        if (reason == SkipReason.UNSUPPORTED_FORMAT) {
            details.computeIfAbsent(reason, r -> new java.util.TreeMap<>()).merge(detail, 1, Integer::sum);
        }
    }

    /** How many files below {@code folder} were left out, by reason, e.g. "2 damaged or truncated ...". */
    String within(Path folder) {
        Path start = folder.toAbsolutePath().normalize();
        Map<SkipReason, Integer> here = new EnumMap<>(SkipReason.class);
        all.stream().filter(e -> e.getKey().startsWith(start))
                .forEach(e -> here.merge(e.getValue(), 1, Integer::sum));
        return here.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().words())
                .collect(Collectors.joining(", "));
    }

    /** The files left out, by reason with the first few names, as the dataset's {@code DataUse} counts them. */
    List<LeftOut> leftOut() {
        LeftOutTally tally = new LeftOutTally();
        for (Map.Entry<SkipReason, Integer> e : counts.entrySet()) {
            e.getKey().leftOutReason().ifPresent(reason -> tally.addAll(List.of(new LeftOut(reason, e.getValue(),
                    first.get(e.getKey()).stream().map(s -> name(s.file())).toList()))));
        }
        return tally.entries();
    }

    SkippedFiles result() {
        return new SkippedFiles(counts, first);
    }

    /** One sentence per reason, after one that sums them up; nothing when no file was left out. */
    List<String> notes(String readableFormats) {
        List<String> notes = new ArrayList<>();
        if (counts.isEmpty()) {
            return notes;
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        notes.add(total + " file(s) below " + root.getFileName() + " were left out: " + counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().words()).collect(Collectors.joining(", ")) + ".");
        for (Map.Entry<SkipReason, Integer> e : counts.entrySet()) {
            SkipReason reason = e.getKey();
            int n = e.getValue();
            StringBuilder note = new StringBuilder().append(n).append(' ').append(reason.words());
            note.append(" left out: ").append(first.get(reason).stream()
                    .map(s -> name(s.file()) + " (" + s.detail() + ")").collect(Collectors.joining("; ")));
            if (n > LISTED) {
                note.append("; and ").append(n - LISTED).append(" more");
            }
            if (reason == SkipReason.UNSUPPORTED_FORMAT) {
                note.append(". By format: ").append(details.get(reason).entrySet().stream()
                        .map(d -> d.getKey() + " " + d.getValue()).collect(Collectors.joining(", ")))
                        .append("; LayerLoom reads ").append(readableFormats);
            }
            note.append(". ").append(reason.advice());
            notes.add(note.toString());
        }
        return notes;
    }

    /** {@code file} relative to the dataset folder, with "/" between names. */
    String name(Path file) {
        Path f = file.toAbsolutePath().normalize();
        String name = f.startsWith(root) && !f.equals(root) ? root.relativize(f).toString() : f.toString();
        return name.replace(java.io.File.separatorChar, '/');
    }
}
