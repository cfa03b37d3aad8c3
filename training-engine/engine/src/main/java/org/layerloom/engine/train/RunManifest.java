package org.layerloom.engine.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.kernels.KernelGuard;
import org.layerloom.engine.project.ProjectFiles;

/**
 * What a run needs to be understood and reproduced later: LayerLoom, DJL and PyTorch versions, the
 * CPU kernels and their self-test verdict, the device and threads, the seed and settings, the dataset (source, options, the folder its relative paths started from,
 * the training limit, its size and the SHA-256 of its numbers), the whole
 * project (graph included), the times and how it ended; for a resumed run also each resume (when, from
 * which epoch and batch), with the settings of the latest, and the process training it. Written as
 * {@code manifest.json}. Worker thread.
 */
final class RunManifest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Object> values;
    private final long startNanos = System.nanoTime();
    private final double earlierSeconds;

    private RunManifest(Map<String, Object> values, double earlierSeconds) {
        this.values = values;
        this.earlierSeconds = earlierSeconds;
    }

    static RunManifest begin(TrainingJob job, RunFolder folder, Device device, int threads, long parameters,
                             String datasetSha256) {
        RunManifest manifest = new RunManifest(new LinkedHashMap<>(), 0);
        Map<String, Object> v = manifest.values;
        v.put("run", folder.id());
        v.put("status", "running");
        v.put("started", Instant.now().toString());
        v.put("parameters", parameters);
        manifest.describe(job, device, threads, datasetSha256);
        return manifest;
    }

    /** The manifest of a run being resumed: its earlier content, the new settings and a note of this resume. */
    static RunManifest resume(Map<String, Object> earlier, TrainingJob job, Device device, int threads,
                              RunCheckpoint.Position from, String datasetSha256) {
        Object seconds = earlier.get("seconds");
        RunManifest manifest = new RunManifest(new LinkedHashMap<>(earlier),
                seconds instanceof Number n ? n.doubleValue() : 0);
        Map<String, Object> v = manifest.values;
        v.put("status", "running");
        v.remove("finished");
        manifest.describe(job, device, threads, datasetSha256);
        List<Object> resumes = new ArrayList<>();
        if (earlier.get("resumes") instanceof List<?> list) {
            resumes.addAll(list);
        }
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("at", Instant.now().toString());
        note.put("epoch", from.epochsDone() + 1);
        note.put("batch", from.batchesDone() + 1);
        note.put("step", from.step());
        note.put("layerloom", version());
        resumes.add(note);
        v.put("resumes", resumes);
        return manifest;
    }

    /** Records what the run starts from and learns from besides its data ({@link RunGuidance}). */
    void guidance(Map<String, Object> section) {
        values.put("guidance", section);
    }

    /**
     * Where this run's convolutions train, when the kernel guard left it to a check of the network's own
     * convolutions ({@code ConvolutionKernelCheck}): on oneDNN, or on libtorch's kernels with the first difference.
     */
    void convolutionKernels(boolean oneDnn, String firstDifference) {
        Map<String, Object> section = new java.util.LinkedHashMap<>();
        section.put("training batches", oneDnn ? "oneDNN (the network's convolutions agreed with libtorch's kernels)"
                : "libtorch's kernels");
        if (firstDifference != null) {
            section.put("oneDNN differed", firstDifference);
        }
        values.put("convolutions", section);
    }

    private void describe(TrainingJob job, Device device, int threads, String datasetSha256) {
        Map<String, Object> v = values;
        v.put("layerloom", version());
        v.put("djl", Engine.getDjlVersion());
        v.put("engine", TrainingRun.engineVersion());
        v.put("kernels", KernelGuard.ensure().asMap());
        v.put("java", System.getProperty("java.version"));
        v.put("device", DeviceSelection.describe(device));
        v.put("threads", threads);
        v.put("seed", job.settings().seed());
        v.put("process", process());
        Dataset dataset = job.dataset();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", dataset.name());
        data.put("source", job.project().dataset().source());
        data.put("options", job.project().dataset().options());
        data.put("train", dataset.train().size());
        data.put("validation", dataset.validation().size());
        data.put("test", dataset.test().size());
        data.put("sha256", datasetSha256);
        data.put("notes", dataset.report().notes());
        data.put("use", DataPhase.use(dataset).summary());
        data.put("useSentence", DataPhase.use(dataset).sentence());
        DataOrigin origin = job.origin();
        if (origin.folder() != null) {
            // Known only for runs started from a request (the app, the command line).
            data.put("folder", origin.folder().toString());
            data.put("trainingLimit", origin.trainingLimit());
        }
        v.put("dataset", data);
        v.put("settings", job.settings());
        try {
            v.put("project", JSON.readTree(ProjectFiles.toJson(job.project().withTraining(job.settings()))));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the project's own JSON could not be read back", e);
        }
    }

    /**
     * The process that trains the run (its id and start), so that a run still marked "running" can be told from
     * one whose process died ({@link InterruptedRun}).
     */
    private static Map<String, Object> process() {
        ProcessHandle self = ProcessHandle.current();
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("pid", self.pid());
        self.info().startInstant().ifPresent(started -> process.put("started", started.toString()));
        return process;
    }

    void end(String status, int epochs, int bestEpoch) {
        values.put("status", status);
        values.put("finished", Instant.now().toString());
        values.put("seconds", seconds());
        values.put("epochs", epochs);
        values.put("bestEpoch", bestEpoch);
    }

    /** Seconds spent on this run, over all its sessions. */
    double seconds() {
        return earlierSeconds + (System.nanoTime() - startNanos) / 1e9;
    }

    Map<String, Object> asMap() {
        return values;
    }

    static String version() {
        String version = RunManifest.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
