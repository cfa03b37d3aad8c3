package org.layerloom.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.layerloom.engine.export.ReferenceOutputs;

/**
 * Checks a written PyTorch export where a Python with torch is found ({@link PythonTorch}): runs the export's
 * {@code load_network()} on the batch through {@code verify_pytorch.py} (forward hooks on every node) and compares
 * each node with LayerLoom's output. Where no such Python is found it says so and runs nothing. Immutable; call
 * off the JavaFX thread (it starts Python and waits for it).
 */
final class PyTorchCheck {

    private static final String SCRIPT = "verify_pytorch.py";
    private static final long TIMEOUT_SECONDS = 300;

    private final PythonTorch python;

    PyTorchCheck(PythonTorch python) {
        this.python = python;
    }

    /**
     * @param outputNodeId the Output node, which is no module of the export's network: its value is what
     *                     {@code forward} returns
     */
    Verification verify(Path exportFolder, ReferenceOutputs.Batch batch, Map<String, float[]> expected,
                        String outputNodeId) throws IOException {
        Optional<Path> found = python.find();
        if (found.isEmpty()) {
            return Verification.notRun("PyTorch can't run here: no Python 3 with torch and numpy was found (looked"
                    + " for " + String.join(", ", python.candidates().stream().map(Path::toString).distinct()
                    .toList()) + "). The export was written but not checked.");
        }
        Path work = Files.createTempDirectory("layerloom-verify");
        try {
            Path script = work.resolve(SCRIPT);
            try (InputStream in = PyTorchCheck.class.getResourceAsStream(SCRIPT)) {
                Files.copy(in, script);
            }
            Path batchFile = work.resolve("batch.json");
            ObjectMapper json = new ObjectMapper();
            json.writeValue(batchFile.toFile(), Map.of("shape", batch.shape(), "tokenIds", batch.tokenIds(),
                    "values", batch.values()));
            Path out = work.resolve("out.json");
            Process process = new ProcessBuilder(found.get().toString(), script.toString(),
                    exportFolder.toAbsolutePath().toString(), batchFile.toString())
                    .redirectOutput(out.toFile()).redirectErrorStream(false)
                    .redirectError(work.resolve("err.txt").toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Verification(true, "Python did not finish running model.py within "
                        + TIMEOUT_SECONDS + " s.", List.of());
            }
            if (process.exitValue() != 0) {
                String err = Files.readString(work.resolve("err.txt"), StandardCharsets.UTF_8).strip();
                String last = err.isEmpty() ? "exit code " + process.exitValue()
                        : err.substring(err.lastIndexOf('\n') + 1);
                return new Verification(true, "Python could not run model.py: " + last, List.of());
            }
            JsonNode result = json.readTree(out.toFile());
            JsonNode nodes = result.get("nodes");
            List<NodeDifference> differences = new ArrayList<>();
            for (Map.Entry<String, float[]> e : expected.entrySet()) {
                if (e.getKey().equals(ReferenceOutputs.PROBABILITIES)) {
                    continue;
                }
                JsonNode actual = nodes.has(e.getKey()) || !e.getKey().equals(outputNodeId) ? nodes.get(e.getKey())
                        : result.get("output");
                differences.add(NodeDifference.of(e.getKey(), e.getValue(), floats(actual)));
            }
            return new Verification(true, "Ran model.py with torch " + result.get("torch").asText() + " ("
                    + found.get() + ") on " + batch.shape()[0] + " examples and compared every layer's output"
                    + " with LayerLoom's.", differences);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("The PyTorch check was interrupted.", e);
        } finally {
            deleteAll(work);
        }
    }

    private static float[] floats(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }

    private static void deleteAll(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
