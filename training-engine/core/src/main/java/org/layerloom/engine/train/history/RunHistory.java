package org.layerloom.engine.train.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.train.event.EpochEnded;

/**
 * The saved runs of a project, in its {@code NAME.runs/} folder: lists them (newest first) as
 * {@link RunSummary}s, renames and deletes them. Only folders with a {@code manifest.json} count as
 * runs, and only such folders are deleted. Reads and writes files, so call it off the JavaFX thread;
 * stateless and thread-safe (two callers changing the same folder at once get an {@link IOException}).
 */
public final class RunHistory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._+-]{0,79}");

    private RunHistory() {
    }

    /** The runs in {@code runsRoot}, newest first; an absent folder has none. */
    public static List<RunSummary> list(Path runsRoot) throws IOException {
        if (!Files.isDirectory(runsRoot)) {
            return List.of();
        }
        List<RunSummary> runs = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(runsRoot, Files::isDirectory)) {
            for (Path folder : folders) {
                if (Files.isRegularFile(folder.resolve("manifest.json"))) {
                    runs.add(read(folder));
                }
            }
        }
        runs.sort(Comparator.comparing((RunSummary r) -> r.started() == null ? Instant.EPOCH : r.started())
                .thenComparing(RunSummary::id).reversed());
        return runs;
    }

    /** Reads one run folder; a damaged manifest or metrics file gives a summary with status "damaged". */
    public static RunSummary read(Path folder) throws IOException {
        RunFiles run = RunFiles.open(folder);
        Map<String, Object> manifest;
        List<EpochEnded> epochs;
        Map<String, Object> test;
        try {
            manifest = run.readJson("manifest");
            epochs = run.readMetrics();
            test = run.readJson("test");
        } catch (IOException e) {
            return new RunSummary(run.id(), folder, null, Double.NaN, "damaged", 0, 0, Double.NaN, Double.NaN, 0,
                    Double.NaN, List.of(), Optional.empty());
        }
        int bestEpoch = number(manifest.get("bestEpoch"), 0).intValue();
        EpochEnded best = epochs.stream().filter(e -> e.epoch() == bestEpoch).findFirst()
                .orElseGet(() -> epochs.stream().filter(e -> !Double.isNaN(e.validationLoss()))
                        .min(Comparator.comparingDouble(EpochEnded::validationLoss)).orElse(null));
        return new RunSummary(run.id(), folder, instant(manifest.get("started")),
                number(manifest.get("seconds"), Double.NaN).doubleValue(),
                String.valueOf(manifest.getOrDefault("status", "completed")),
                epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).epoch(),
                best == null ? 0 : best.epoch(),
                best == null ? Double.NaN : best.validationAccuracy(),
                best == null ? Double.NaN : best.validationLoss(),
                number(manifest.get("parameters"), 0).longValue(),
                number(test.get("accuracy"), Double.NaN).doubleValue(), epochs, project(manifest, run.id()),
                madeFrom(manifest));
    }

    /** How the run came from another: its variant's description, or what its guidance started from and learnt from. */
    static String madeFrom(Map<String, Object> manifest) {
        if (manifest.get("variant") instanceof Map<?, ?> variant && variant.get("description") instanceof String d) {
            return d;
        }
        if (!(manifest.get("guidance") instanceof Map<?, ?> guidance)) {
            return "";
        }
        List<String> parts = new java.util.ArrayList<>();
        if (guidance.get("startedFrom") instanceof String from) {
            boolean held = number(guidance.get("heldAtZero"), 0).longValue() > 0;
            parts.add("fine-tuned from " + from + (held ? ", pruned weights held at zero" : ""));
        }
        if (guidance.get("teacher") instanceof String teacher) {
            parts.add(String.format(java.util.Locale.ROOT, "taught by %s (T %s, α %s)", teacher,
                    trim(number(guidance.get("temperature"), Double.NaN).doubleValue()),
                    trim(number(guidance.get("alpha"), Double.NaN).doubleValue())));
        }
        return String.join("; ", parts);
    }

    private static String trim(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Gives a run folder a new name (letters, digits, spaces, {@code . _ + -}; up to 80 characters) and
     * returns its new path.
     *
     * @throws IllegalArgumentException when the name is not allowed, with the reason
     * @throws IOException              when a run of that name exists or the folder cannot be renamed
     */
    public static Path rename(Path runFolder, String newName) throws IOException {
        String name = newName == null ? "" : newName.strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A run name uses letters, digits, spaces and . _ + - (up to 80),"
                    + " and starts with a letter or digit: \"" + name + "\" does not.");
        }
        requireRun(runFolder);
        Path target = runFolder.resolveSibling(name);
        if (target.equals(runFolder)) {
            return runFolder;
        }
        try {
            return Files.move(runFolder, target);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("There is already a run called \"" + name + "\".", e);
        }
    }

    /** Deletes a run folder and everything in it. */
    public static void delete(Path runFolder) throws IOException {
        requireRun(runFolder);
        try (Stream<Path> all = Files.walk(runFolder)) {
            List<Path> deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.delete(path);
            }
        }
    }

    private static void requireRun(Path runFolder) throws IOException {
        if (!Files.isRegularFile(runFolder.resolve("manifest.json"))) {
            throw new IOException(runFolder + " is not a LayerLoom run (it has no manifest.json).");
        }
    }

    private static Optional<Project> project(Map<String, Object> manifest, String id) {
        Object project = manifest.get("project");
        if (project == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProjectFiles.fromJson(JSON.writeValueAsString(project), "manifest of the run " + id));
        } catch (ProjectFileException | IOException e) {
            return Optional.empty();
        }
    }

    private static Number number(Object value, Number fallback) {
        return value instanceof Number n ? n : fallback;
    }

    private static Instant instant(Object value) {
        if (value instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
