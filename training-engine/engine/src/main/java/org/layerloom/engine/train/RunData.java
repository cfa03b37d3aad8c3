package org.layerloom.engine.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetEntry;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.standard.DatasetCache;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.TrainingSettings;

/**
 * The dataset a saved run was trained on, as its manifest records it: the dataset choice (source and options,
 * the student's "path" included), the folder its relative paths started from, the seed and validation split,
 * the training limit and the SHA-256 of its numbers. {@link #load} reads exactly that data again (never
 * downloading) and checks the SHA-256, so that a run is inspected on its own data or not at all; when the
 * files have moved, {@link #relocatedTo} points the choice at the folder where they are now.
 * Immutable; {@link #load} reads files, so call it off the JavaFX thread.
 */
public final class RunData {

    /** What kept the run's data from loading. */
    public enum Problem {
        /** Loaded, and the same numbers as in training (or the run recorded no SHA-256 to compare). */
        NONE,
        /** The file or folder it was read from is not there any more. */
        MISSING,
        /** The files are there but could not be read. */
        UNREADABLE,
        /** The files were read, but their numbers differ from the run's. */
        CHANGED
    }

    /**
     * The result of {@link #load}: the dataset (null unless {@code problem} is NONE) or a sentence for the
     * student saying what went wrong and where.
     */
    public record Outcome(Dataset dataset, Problem problem, String message) {

        public boolean isLoaded() {
            return problem == Problem.NONE;
        }
    }

    private static final List<String> PATH_KEYS = List.of("path", "test-path");
    private static final List<String> FETCH_KEYS = List.of("download", "mirror");
    private static final int SHOWN_HEX = 12;

    private final String runId;
    private final DatasetChoice choice;
    private final Path folder;
    private final TrainingSettings settings;
    /** The recorded training limit, or -1 when the manifest does not say (older runs, jobs made directly). */
    private final int trainingLimit;
    /** The training and validation examples the run had, from its manifest (0: not recorded). */
    private final int trainingExamples;
    private final String sha256;

    private RunData(String runId, DatasetChoice choice, Path folder, TrainingSettings settings, int trainingLimit,
                    int trainingExamples, String sha256) {
        this.runId = runId;
        this.choice = choice;
        this.folder = folder;
        this.settings = settings;
        this.trainingLimit = trainingLimit;
        this.trainingExamples = trainingExamples;
        this.sha256 = sha256;
    }

    /** The data of {@code run}, read from its manifest. */
    public static RunData of(SavedRun run) throws IOException {
        Map<?, ?> data = run.recordedDataset();
        Path projectFolder = projectFolderOf(run.dir());
        Path folder = data.get("folder") instanceof String recorded && Files.isDirectory(Path.of(recorded))
                ? Path.of(recorded) : projectFolder;
        int limit = data.get("trainingLimit") instanceof Number n ? Math.max(0, n.intValue()) : -1;
        int examples = data.get("train") instanceof Number t && data.get("validation") instanceof Number v
                ? t.intValue() + v.intValue() : 0;
        String hash = data.get("sha256") instanceof String s && !s.isBlank() ? s : null;
        return new RunData(run.runId(), run.project().dataset(), folder, run.project().training(), limit, examples,
                hash);
    }

    /** The dataset choice as the run used it (or as {@link #relocatedTo} changed it). */
    public DatasetChoice choice() {
        return choice;
    }

    /** Whether the data comes from files the student could move: a "path" of their own or a downloaded set. */
    public boolean readsFiles() {
        return PATH_KEYS.stream().anyMatch(k -> text(k).isPresent()) || isStandard();
    }

    /** Where the data is read from: the "path" (a file or folder) or a downloaded set's cache folder. */
    public Optional<Path> place() {
        Optional<Path> path = text("path").map(this::resolve);
        if (path.isPresent() || !isStandard()) {
            return path;
        }
        return Optional.of(DatasetCache.of(text("cache").map(c -> resolve(c).toString())).root()
                .resolve(entry().map(DatasetEntry::id).orElse(choice.source())));
    }

    /**
     * The same data read from {@code newFolder}, where its files are now: the folder itself for a standard
     * dataset (MNIST's four files) and for a path whose name it does not hold, else the file or folder of the
     * same name inside it.
     */
    public RunData relocatedTo(Path newFolder) {
        Path target = newFolder.toAbsolutePath().normalize();
        TreeMap<String, Object> options = new TreeMap<>(choice.options());
        if (isStandard()) {
            options.remove("cache");
            options.put("path", target.toString());
        } else {
            for (String key : PATH_KEYS) {
                text(key).map(this::resolve).ifPresent(old -> {
                    Path named = old.getFileName() == null ? target : target.resolve(old.getFileName());
                    options.put(key, (Files.exists(named) ? named : target).toString());
                });
            }
        }
        return new RunData(runId, new DatasetChoice(choice.source(), options), folder, settings, trainingLimit,
                trainingExamples, sha256);
    }

    /**
     * Reads the data again as the run read it (the files' places, seed, validation split and training limit;
     * nothing is downloaded) and compares the SHA-256 of its numbers with the run's.
     */
    public Outcome load(ProgressListener progress) {
        Optional<Path> gone = missingPlace();
        if (gone.isPresent()) {
            return new Outcome(null, Problem.MISSING, "The data of run " + runId + " is no longer at " + gone.get()
                    + ". If it has moved, choose the folder that holds it now.");
        }
        Dataset dataset;
        String now = null;
        try {
            dataset = read(Math.max(0, trainingLimit), progress);
            now = sha256 == null ? null : DatasetFingerprint.of(dataset);
            if (now != null && !now.equals(sha256) && trainingLimit < 0 && trainingExamples > 0
                    && dataset.train().size() + dataset.validation().size() > trainingExamples) {
                // A run that does not say its training limit but had fewer examples than the data holds was
                // trained on the first of them (a quick run).
                dataset = read(trainingExamples, progress);
                now = DatasetFingerprint.of(dataset);
            }
        } catch (DatasetException | RuntimeException e) {
            return new Outcome(null, Problem.UNREADABLE, "The data of run " + runId + " could not be read again: "
                    + e.getMessage());
        }
        if (now != null && !now.equals(sha256)) {
            return new Outcome(null, Problem.CHANGED, changedMessage(now));
        }
        return new Outcome(dataset, Problem.NONE, "");
    }

    /** Reads the data with the run's seed and split, at most {@code limit} training examples (0: all). */
    private Dataset read(int limit, ProgressListener progress) throws DatasetException {
        TreeMap<String, Object> options = new TreeMap<>(choice.options());
        FETCH_KEYS.forEach(options::remove);
        DatasetRequest request = DatasetRequest.of(new DatasetChoice(choice.source(), options), folder,
                settings.seed(), settings.validationSplit());
        return DatasetRegistry.standard().load(limit > 0 ? request.withTrainingLimit(limit) : request, progress);
    }

    private String changedMessage(String now) {
        String hashes = " (SHA-256 of its numbers " + shortHash(now) + "… now, " + shortHash(sha256)
                + "… when the run trained)";
        Optional<Path> where = place();
        if (readsFiles() && where.isPresent()) {
            return "The data in " + where.get() + " is not what run " + runId + " was trained on" + hashes
                    + ": a file was changed or replaced. Choose the folder with the files the run used, or train a"
                    + " new run on this data.";
        }
        return "The dataset gives other numbers than when run " + runId + " was trained" + hashes
                + ". Train a new run to look inside a network trained on today's data.";
    }

    private static String shortHash(String hex) {
        return hex.substring(0, Math.min(SHOWN_HEX, hex.length()));
    }

    /** The first file or folder the data is read from that does not exist. */
    private Optional<Path> missingPlace() {
        for (String key : PATH_KEYS) {
            Optional<Path> path = text(key).map(this::resolve);
            if (path.isPresent() && !Files.exists(path.get())) {
                return path;
            }
        }
        if (isStandard() && text("path").isEmpty()) {
            return place().filter(p -> !Files.isDirectory(p));
        }
        return Optional.empty();
    }

    private boolean isStandard() {
        return entry().map(DatasetEntry::downloaded).orElse(false);
    }

    private Optional<DatasetEntry> entry() {
        return DatasetRegistry.standard().entry(choice.source());
    }

    private Optional<String> text(String key) {
        return choice.options().get(key) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    private Path resolve(String path) {
        return folder.resolve(path).toAbsolutePath().normalize();
    }

    /** A run folder's project folder: {@code NAME.runs/<id>} lies beside {@code NAME.loom}. */
    private static Path projectFolderOf(Path runFolder) {
        Path runs = runFolder.toAbsolutePath().normalize().getParent();
        return runs == null || runs.getParent() == null ? runFolder.toAbsolutePath() : runs.getParent();
    }
}
