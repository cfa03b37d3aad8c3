package org.layerloom.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the PyTorch twin of a {@link BenchNetwork}: LayerLoom's own script {@code bench_twins.py} (a
 * resource next to this class; the same networks, Adam 10⁻³, synthetic data in memory, one warm-up and
 * one timed epoch) in a fresh Python process, and reads back its one line of JSON as a
 * {@link BenchmarkResult} named after the network: {@code samples_per_s}, {@code epoch_s}, the timed
 * epoch's phases {@code gather_s}, {@code forward_s}, {@code loss_s}, {@code backward_s}, {@code step_s},
 * {@code metrics_s} (reading the loss back every 50 batches)
 * and {@code peak_rss_mb} (VmHWM of the Python process). One instance per Python; any single thread.
 */
public final class PyTorchTwin {

    /** The script's resource name, beside this class. */
    public static final String SCRIPT = "bench_twins.py";
    private static final String[] PHASES = {"gather", "forward", "loss", "backward", "step", "metrics"};
    private static final long TIMEOUT_MINUTES = 60;

    private final Path python;
    private final TwinBlas blas;

    /**
     * @param python a Python 3 that imports torch
     * @param blas   the BLAS its torch loads
     */
    public PyTorchTwin(Path python, TwinBlas blas) {
        this.python = python;
        this.blas = blas;
    }

    /** The BLAS the twins run with. */
    public TwinBlas blas() {
        return blas;
    }

    /**
     * Trains the twin of {@code network} for one warm-up and one timed epoch of {@code samples} examples.
     *
     * @throws IOException when Python cannot be started, fails or prints no result
     */
    public BenchmarkResult run(BenchNetwork network, int samples, int threads, int seed)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("layerloom-bench-twins", ".py");
        try {
            try (InputStream in = PyTorchTwin.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IOException(SCRIPT + " is missing from the application");
                }
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> command = new ArrayList<>(List.of(python.toString(), script.toString(), network.id(),
                    Integer.toString(network.batchSize()), Integer.toString(samples), Integer.toString(threads),
                    Integer.toString(seed)));
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            blas.configure(builder);
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("the PyTorch twin of " + network.id() + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IOException("the PyTorch twin of " + network.id() + " failed with exit code "
                        + process.exitValue());
            }
            return parse(network.id(), out);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** The result in the script's last line of output. */
    static BenchmarkResult parse(String name, String output) throws IOException {
        String[] lines = output.strip().split("\n");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        if (json == null || !json.has("samples_per_s")) {
            throw new IOException("the PyTorch twin of " + name + " printed no result: " + output.strip());
        }
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("samples_per_s", json.get("samples_per_s").asDouble());
        metrics.put("epoch_s", json.get("epoch_s").asDouble());
        for (String phase : PHASES) {
            metrics.put(phase + "_s", json.get("phase_s").get(phase).asDouble());
        }
        metrics.put("peak_rss_mb", json.get("peak_rss_mb").asDouble());
        metrics.put("params", json.get("params").asLong());
        return new BenchmarkResult(name, metrics);
    }
}
