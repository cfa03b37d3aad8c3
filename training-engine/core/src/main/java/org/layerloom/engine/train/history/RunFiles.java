package org.layerloom.engine.train.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.project.AtomicFileWriter;
import org.layerloom.engine.train.event.EpochEnded;

/**
 * The plain files of one run folder, {@code NAME.runs/<run-id>/}: the metrics history
 * ({@code metrics.json}, {@code metrics.csv}), JSON documents such as the manifest and the test result,
 * and any other file written atomically with its SHA-256. No DJL: the engine's {@code RunFolder} adds the
 * saved parameters on top of this, and the run history reads finished runs through it. Writing is for
 * the training worker; reading a finished run is fine from any thread.
 */
public final class RunFiles {

    private static final DateTimeFormatter ID_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectReader READ = JSON.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;

    private RunFiles(Path dir) {
        this.dir = dir;
    }

    /** Creates a new run folder named by the time, with a suffix if that name is taken. */
    public static RunFiles create(Path runsRoot, LocalDateTime now) throws IOException {
        Files.createDirectories(runsRoot);
        String base = ID_FORMAT.format(now);
        for (int n = 1; ; n++) {
            Path candidate = runsRoot.resolve(n == 1 ? base : base + "-" + n);
            try {
                Files.createDirectory(candidate);
                return new RunFiles(candidate);
            } catch (FileAlreadyExistsException taken) {
                // try the next suffix
            }
        }
    }

    /** An existing run folder, for reading a saved run. */
    public static RunFiles open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("There is no run folder at " + dir);
        }
        return new RunFiles(dir);
    }

    /** The folder of all runs of a project: {@code NAME.runs} beside {@code NAME.loom}. */
    public static Path runsRootOf(Path projectFile) {
        String file = projectFile.getFileName().toString();
        String name = file.endsWith(".loom") ? file.substring(0, file.length() - 5) : file;
        Path parent = projectFile.toAbsolutePath().getParent();
        return parent.resolve(name + ".runs");
    }

    /**
     * The project a run folder belongs to: {@code NAME.loom} beside the {@code NAME.runs} folder that holds it
     * (the inverse of {@link #runsRootOf}); empty when the folder is not inside such a folder.
     */
    public static Optional<Path> projectFileOf(Path runFolder) {
        Path runs = runFolder.toAbsolutePath().getParent();
        if (runs == null || runs.getFileName() == null || !runs.getFileName().toString().endsWith(".runs")) {
            return Optional.empty();
        }
        String runsName = runs.getFileName().toString();
        return Optional.of(runs.resolveSibling(runsName.substring(0, runsName.length() - 5) + ".loom"));
    }

    public Path dir() {
        return dir;
    }

    public String id() {
        return dir.getFileName().toString();
    }

    /** Writes {@code name} atomically and returns the SHA-256 of its content. */
    public String writeBytes(String name, byte[] content) throws IOException {
        AtomicFileWriter.write(dir.resolve(name), content);
        return sha256(content);
    }

    /** The SHA-256 of the file {@code name} in this folder, in hex. */
    public String sha256Of(String name) throws IOException {
        return sha256(Files.readAllBytes(dir.resolve(name)));
    }

    /** Reads back the history {@link #writeMetrics} wrote, or an empty list when there is none. */
    public List<EpochEnded> readMetrics() throws IOException {
        Path file = dir.resolve("metrics.json");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return READ.forType(new TypeReference<List<EpochEnded>>() { }).readValue(file.toFile());
    }

    /** Writes the history as JSON (a list of epochs) and CSV (one row per epoch). */
    public void writeMetrics(List<EpochEnded> history) throws IOException {
        AtomicFileWriter.write(dir.resolve("metrics.json"), JSON.writeValueAsBytes(history));
        StringBuilder csv = new StringBuilder(
                "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,learning_rate,seconds\n");
        for (EpochEnded e : history) {
            csv.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%.3f%n", e.epoch(), num(e.trainLoss()),
                    num(e.trainAccuracy()), num(e.validationLoss()), num(e.validationAccuracy()),
                    num(e.learningRate()), e.seconds()));
        }
        AtomicFileWriter.write(dir.resolve("metrics.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes any JSON-able value (records, maps) as {@code name.json}. */
    public void writeJson(String name, Object value) throws IOException {
        AtomicFileWriter.write(dir.resolve(name + ".json"), JSON.writeValueAsBytes(value));
    }

    /** Reads {@code name.json} back as a map, or empty when it is missing. */
    public Map<String, Object> readJson(String name) throws IOException {
        Path file = dir.resolve(name + ".json");
        return Files.isRegularFile(file) ? READ.forType(new TypeReference<Map<String, Object>>() { })
                .readValue(file.toFile()) : Map.of();
    }

    /** Reads {@code name.json} back as a {@code type} (a record, say), or empty when it is missing. */
    public <T> Optional<T> readJson(String name, Class<T> type) throws IOException {
        Path file = dir.resolve(name + ".json");
        return Files.isRegularFile(file) ? Optional.of(READ.forType(type).readValue(file.toFile())) : Optional.empty();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.6g", x);
    }
}
