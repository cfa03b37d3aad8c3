package org.layerloom.engine.compress;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.layerloom.engine.train.RunFolder;
import org.layerloom.engine.train.event.TestMetrics;

/**
 * Saves a smaller variant of a run (pruned, quantized, fine-tuned) as a run of its own beside the original,
 * so that the run history lists it and it can be inspected, compared and exported like any other: the
 * weights the network holds now as {@code best.params} (quantized weights dequantized to float32), the
 * original's manifest with a {@code "variant"} section saying what was done to which run, its non-zero
 * parameter count as {@code "parameters"} and the measured {@code test.json}. It has no epoch history of its
 * own (the original's validation numbers do not describe it), so the history shows only its test accuracy.
 * Worker thread (it writes files).
 */
public final class VariantRuns {

    private VariantRuns() {
    }

    /**
     * @param kind        "pruned", "int8", "float16" or "fine-tuned"
     * @param description one line for people, e.g. "pruned 80 % (global) of run 2026-01-01_12-00-00"
     * @param details     numbers to keep with it (fraction, sizes, activation ranges...)
     * @return the new run's folder
     */
    public static Path save(CompressibleRun source, String kind, String description, TestMetrics test,
                            Map<String, Object> details) throws IOException {
        RunFolder original = RunFolder.open(source.run().dir());
        RunFolder folder = RunFolder.create(source.run().dir().getParent(), LocalDateTime.now());
        Map<String, Object> manifest = new LinkedHashMap<>(original.readJson("manifest"));
        Map<String, Object> variant = new LinkedHashMap<>();
        variant.put("kind", kind);
        variant.put("of", original.id());
        variant.put("description", description);
        variant.putAll(details);
        manifest.put("run", folder.id());
        manifest.put("status", "completed");
        manifest.put("started", Instant.now().toString());
        manifest.put("finished", Instant.now().toString());
        manifest.put("parameters", LayerSparsity.nonZeroTotal(source.currentWeights()));
        manifest.put("variant", variant);
        manifest.remove("resumes");
        folder.saveParameters(source.run().block(), RunFolder.BEST);
        folder.writeJson("test", test);
        folder.writeJson("manifest", manifest);
        return folder.dir();
    }

    /** The activation ranges as JSON-able numbers: node id to {min, max, scale, zeroPoint}. */
    public static Map<String, Object> describe(Map<String, ActivationRange> ranges) {
        Map<String, Object> out = new LinkedHashMap<>();
        ranges.forEach((id, r) -> out.put(id, Map.of("min", r.min(), "max", r.max(), "scale", r.scale(),
                "zeroPoint", r.zeroPoint())));
        return out;
    }
}
