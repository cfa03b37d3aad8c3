package org.layerloom.engine.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.project.ProjectFiles;

/**
 * What a run needs to be understood and reproduced later: LayerLoom, DJL and PyTorch versions, the
 * device and threads, the seed and settings, the dataset with its size and fingerprint, the whole
 * project (graph included), the times and how it ended. Written as {@code manifest.json}. Worker thread.
 */
final class RunManifest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final long startNanos = System.nanoTime();

    private RunManifest() {
    }

    static RunManifest begin(TrainingJob job, RunFolder folder, Device device, int threads, long parameters) {
        RunManifest manifest = new RunManifest();
        Map<String, Object> v = manifest.values;
        v.put("run", folder.id());
        v.put("status", "running");
        v.put("started", Instant.now().toString());
        v.put("layerloom", version());
        v.put("djl", Engine.getDjlVersion());
        v.put("engine", TrainingRun.engineVersion());
        v.put("java", System.getProperty("java.version"));
        v.put("device", DeviceSelection.describe(device));
        v.put("threads", threads);
        v.put("seed", job.settings().seed());
        v.put("parameters", parameters);
        Dataset dataset = job.dataset();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", dataset.name());
        data.put("source", job.project().dataset().source());
        data.put("options", job.project().dataset().options());
        data.put("train", dataset.train().size());
        data.put("validation", dataset.validation().size());
        data.put("test", dataset.test().size());
        data.put("sha256", DatasetFingerprint.of(dataset));
        v.put("dataset", data);
        v.put("settings", job.settings());
        try {
            v.put("project", JSON.readTree(ProjectFiles.toJson(job.project().withTraining(job.settings()))));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the project's own JSON could not be read back", e);
        }
        return manifest;
    }

    void end(String status, int epochs, int bestEpoch) {
        values.put("status", status);
        values.put("finished", Instant.now().toString());
        values.put("seconds", seconds());
        values.put("epochs", epochs);
        values.put("bestEpoch", bestEpoch);
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    Map<String, Object> asMap() {
        return values;
    }

    static String version() {
        String version = RunManifest.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
