package org.layerloom.engine.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.layerloom.engine.project.AtomicFileWriter;
import org.layerloom.engine.train.event.EpochEnded;

/**
 * The folder of one run, {@code NAME.runs/<run-id>/}: the parameters of the best and the last epoch
 * ({@code best.params}, {@code last.params}), the metrics history ({@code metrics.json},
 * {@code metrics.csv}), the test result ({@code test.json}) and the manifest ({@code manifest.json}).
 * Every file is written atomically. Used by the training worker; reading a finished run is fine from
 * any thread.
 */
public final class RunFolder {

    public static final String BEST = "best";
    public static final String LAST = "last";
    private static final DateTimeFormatter ID_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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

    public void saveParameters(Block block, String which) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        }
        AtomicFileWriter.write(dir.resolve(which + ".params"), bytes.toByteArray());
    }

    public boolean hasParameters(String which) {
        return Files.isRegularFile(dir.resolve(which + ".params"));
    }

    public void loadParameters(Block block, NDManager manager, String which) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(which + ".params"));
             DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in))) {
            block.loadParameters(manager, data);
        } catch (MalformedModelException e) {
            throw new IOException("The saved parameters in " + dir.resolve(which + ".params")
                    + " do not fit this network: " + e.getMessage(), e);
        }
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
    @SuppressWarnings("unchecked")
    public Map<String, Object> readJson(String name) throws IOException {
        Path file = dir.resolve(name + ".json");
        return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), Map.class) : Map.of();
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.6g", x);
    }
}
