package org.layerloom.engine.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.history.RunFiles;

/**
 * The folder of one run, {@code NAME.runs/<run-id>/}: the parameters of the best and the last epoch
 * ({@code best.params}, {@code last.params}), the metrics history ({@code metrics.json},
 * {@code metrics.csv}), the test result ({@code test.json}), the manifest ({@code manifest.json}) and
 * what a resumed run needs besides the last parameters ({@code optimizer.state}, {@code resume.json}).
 * Every file is written atomically. The plain files are {@link RunFiles}' (DJL-free, in the core); this
 * class adds the parameters. Used by the training worker; reading a finished run is fine from any thread.
 */
public final class RunFolder {

    public static final String BEST = "best";
    public static final String LAST = "last";

    private final RunFiles files;

    private RunFolder(RunFiles files) {
        this.files = files;
    }

    /** Creates a new run folder named by the time, with a suffix if that name is taken. */
    public static RunFolder create(Path runsRoot, LocalDateTime now) throws IOException {
        return new RunFolder(RunFiles.create(runsRoot, now));
    }

    /** An existing run folder, for reloading a saved run. */
    public static RunFolder open(Path dir) throws IOException {
        return new RunFolder(RunFiles.open(dir));
    }

    /** The folder of all runs of a project: {@code NAME.runs} beside {@code NAME.loom}. */
    public static Path runsRootOf(Path projectFile) {
        return RunFiles.runsRootOf(projectFile);
    }

    public Path dir() {
        return files.dir();
    }

    public String id() {
        return files.id();
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
        return Files.isRegularFile(dir().resolve(which + ".params"));
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
        Path file = dir().resolve(which + ".params");
        if (!Files.isRegularFile(file)) {
            throw new IOException("The run has no saved parameters " + file.getFileName() + " in " + dir());
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
        return files.writeBytes(name, content);
    }

    /** The SHA-256 of the file {@code name} in this folder, in hex. */
    public String sha256Of(String name) throws IOException {
        return files.sha256Of(name);
    }

    /** Reads back the history {@link #writeMetrics} wrote, or an empty list when there is none. */
    public List<EpochEnded> readMetrics() throws IOException {
        return files.readMetrics();
    }

    /** Writes the history as JSON (a list of epochs) and CSV (one row per epoch). */
    public void writeMetrics(List<EpochEnded> history) throws IOException {
        files.writeMetrics(history);
    }

    /** Writes any JSON-able value (records, maps) as {@code name.json}. */
    public void writeJson(String name, Object value) throws IOException {
        files.writeJson(name, value);
    }

    /** Reads {@code name.json} back as a map, or empty when it is missing. */
    public Map<String, Object> readJson(String name) throws IOException {
        return files.readJson(name);
    }

    /** Reads {@code name.json} back as a {@code type} (a record, say), or empty when it is missing. */
    public <T> Optional<T> readJson(String name, Class<T> type) throws IOException {
        return files.readJson(name, type);
    }
}
