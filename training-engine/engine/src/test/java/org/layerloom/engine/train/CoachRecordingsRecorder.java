package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.coach.RecordedRun;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * Records the metric sequences of short real MNIST trainings into the core's
 * {@code src/test/resources/coach/*.csv} for the coach's rule tests: a healthy MLP, one with far too large a learning rate, one that overfits a few
 * hundred examples, and a deep sigmoid MLP that barely learns. Not part of the test run (its name ends in
 * Recorder); run it when a recording must be made again:
 * {@code mvn -o -pl training-engine/engine -am test -Dtest=CoachRecordingsRecorder -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CoachRecordingsRecorder {

    @TempDir
    Path runs;

    static final Path OUT = Path.of("../core/src/test/resources/coach");

    static Path mnistFolder() {
        String property = System.getProperty("layerloom.datasets");
        Path folder = property == null || property.isBlank() || property.contains("${")
                ? Path.of("../../../shared/datasets") : Path.of(property);
        return folder.resolve("mnist").toAbsolutePath().normalize();
    }

    static OptimizerSettings sgd(double rate) {
        return new OptimizerSettings(OptimizerKind.SGD, rate, 0, false, 0.9, 0.999, 1e-8, 0, 0);
    }

    @Test
    void records_the_runs() throws Exception {
        record("healthy-mlp", RecordedRun.mlp("relu", 128), OptimizerSettings.adam(0.001), 64, 3, 0.1, 6_000);
        record("lr-too-high", RecordedRun.mlp("relu", 128), OptimizerSettings.adam(0.5), 64, 2, 0.1, 6_000);
        record("sgd-lr-too-high", RecordedRun.mlp("relu", 128), sgd(2.0), 64, 2, 0.1, 6_000);
        record("overfitting", RecordedRun.mlp("relu", 512, 512), OptimizerSettings.adam(0.001), 32, 14, 0.4, 600);
        record("deep-sigmoid", RecordedRun.mlp("sigmoid", 64, 64, 64, 64, 64, 64), sgd(0.01), 64, 3, 0.1, 6_000);
    }

    private void record(String name, NetworkGraph graph, OptimizerSettings optimizer, int batch, int epochs,
                        double validation, int limit) throws Exception {
        DatasetChoice choice = DatasetChoice.of("mnist").with("path", mnistFolder().toString()).with("normalize", true);
        TrainingSettings settings = new TrainingSettings(optimizer, ScheduleSettings.fixed(), batch, epochs,
                validation, 42, DeviceChoice.CPU);
        Dataset mnist = DatasetRegistry.standard().load(DatasetRequest.of(choice, Path.of("."), 42, validation)
                .withTrainingLimit(limit), ProgressListener.none());
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        TrainingJob job = TrainingJob.of(new Project(name, graph, choice, settings), mnist, runs).withThreads(2);
        TrainingEvent end = TrainingSession.start(job, events::add).outcome().get(10, TimeUnit.MINUTES);
        List<String> lines = new ArrayList<>();
        lines.add("# " + name + ": real MNIST training (" + limit + " examples, " + optimizer.kind() + " lr "
                + optimizer.learningRate() + ", batch " + batch + "), ended with " + end.type());
        events.stream().map(RecordedRun::line).filter(Objects::nonNull).forEach(lines::add);
        Files.createDirectories(OUT);
        Files.write(OUT.resolve(name + ".csv"), lines, StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThan(2);
        System.out.println("recorded " + name + ": " + lines.size() + " lines, " + end);
    }
}
