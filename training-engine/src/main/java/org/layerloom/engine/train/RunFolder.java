package org.layerloom.engine.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.project.AtomicFileWriter;
import org.layerloom.engine.train.event.EpochEnded;

/**
 * The folder of one run, {@code NAME.runs/<run-id>/}: the parameters of the best and the last epoch
 * ({@code best.params}, {@code last.params}), the metrics history ({@code metrics.json},
 * {@code metrics.csv}), the test result ({@code test.json}), the manifest ({@code manifest.json}) and
 * what a resumed run needs besides the last parameters ({@code optimizer.state}, {@code resume.json}).
 * Every file is written atomically. Used by the training worker; reading a finished run is fine from
 * any thread.
 */
public final class RunFolder {

    public static final String BEST = "best";
    public static final String LAST = "last";
    private static final DateTimeFormatter ID_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectReader READ = JSON.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /** Creates a new run folder named by the time, with a suffix if that name is taken. */
    public static RunFolder create(Path runsRoot, LocalDateTime now) throws IOException {
        Files.createDirectories(runsRoot);
        String base = ID_FORMAT.format(now);
        for (int n = 1; ; n++) {
            Path candidate = runsRoot.resolve(n == 1 ? base : base + "-" + n);
            try {
                Files.createDirectory(candidate);
                return new RunFolder(candidate);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // try the next suffix
            }
        }
    }

    /** An existing run folder, for reloading a saved run. */
    public static RunFolder open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("There is no run folder at " + dir);
        }
        return new RunFolder(dir);
    }

    /** The folder of all runs of a project: {@code NAME.runs} beside {@code NAME.loom}. */
    public static Path runsRootOf(Path projectFile) {
        String file = projectFile.getFileName().toString();
        String name = file.endsWith(".loom") ? file.substring(0, file.length() - 5) : file;
        Path parent = projectFile.toAbsolutePath().getParent();
        return parent.resolve(name + ".runs");
    }

    public Path dir() {
        return dir;
    }

    public String id() {
        return dir.getFileName().toString();
    }

    /** Writes the block's parameters as {@code which.params} and returns the SHA-256 of what was written. */
    public String saveParameters(Block block, String which) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        }
        return writeBytes(which + ".params", bytes.toByteArray());
    }

    public boolean hasParameters(String which) {
        return Files.isRegularFile(dir.resolve(which + ".params"));
    }

    /**
     * Replaces the parameters of an initialised {@code block} with {@code which.params}; the new arrays
     * belong to {@code manager} and the replaced ones are closed. A DJL {@code Trainer} keeps the arrays
     * it saw first, so load before {@code Trainer.initialize}, or run the block with a new
     * {@code ParameterStore} afterwards.
     *
     * @throws IOException when the file is missing or damaged, or its parameters do not fit the block
     */
    public void loadParameters(Block block, NDManager manager, String which) throws IOException {
        Path file = dir.resolve(which + ".params");
        if (!Files.isRegularFile(file)) {
            throw new IOException("The run has no saved parameters " + file.getFileName() + " in " + dir);
        }
        ParameterList parameters = block.getParameters();
        Map<String, NDArray> before = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : parameters) {
            before.put(pair.getKey(), pair.getValue().getArray());
        }
        try (InputStream in = Files.newInputStream(file);
             DataInputStream data = new DataInputStream(new BufferedInputStream(in))) {
            block.loadParameters(manager, data);
        } catch (MalformedModelException | RuntimeException e) {
            throw new IOException("The saved parameters in " + file + " do not fit this network: " + e.getMessage(), e);
        } catch (EOFException e) {
            throw new IOException("The saved parameters in " + file + " end too early; the file is incomplete.", e);
        }
        for (Pair<String, Parameter> pair : parameters) {
            NDArray old = before.get(pair.getKey());
            NDArray loaded = pair.getValue().getArray();
            if (!old.getShape().equals(loaded.getShape())) {
                throw new IOException("The saved parameters in " + file + " do not fit this network: "
                        + pair.getKey() + " has the shape " + loaded.getShape() + " there, but the network needs "
                        + old.getShape() + ".");
            }
            if (loaded != old) {
                old.close();
            }
        }
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

    static String sha256(byte[] content) {
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
