package org.layerloom.app.health;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.InspectionSettings;
import org.layerloom.engine.train.TrainingJob;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.coach.RecordedRun;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;

/** Short real MNIST trainings with health inspection on, for the health and coach tests. Tests only. */
final class HealthTrainings {

    /** Captures every 10 steps and at the epoch's end, with activation previews, on 16 probe examples. */
    static final InspectionSettings INSPECTION = new InspectionSettings(10, true, 16, 20, true);

    private static final java.util.Map<String, List<TrainingEvent>> RUNS = new java.util.HashMap<>();

    private HealthTrainings() {
    }

    /** Six hidden layers of 64, sigmoid or ReLU, SGD 0.1, on 1,500 images: trained once per test JVM. */
    static synchronized List<TrainingEvent> deepRun(String activation) throws Exception {
        List<TrainingEvent> run = RUNS.get(activation);
        if (run == null) {
            run = train("deep " + activation, deep(activation), sgd(0.1), 1_500);
            RUNS.put(activation, run);
        }
        return run;
    }

    static NetworkGraph deep(String activation) {
        return mlp(activation, 64, 64, 64, 64, 64, 64);
    }

    static Path datasets() {
        String property = System.getProperty("layerloom.datasets");
        return (property == null || property.isBlank() || property.contains("${") ? Path.of("../../shared/datasets")
                : Path.of(property)).toAbsolutePath().normalize();
    }

    /** Image (1, 28, 28) → Flatten → Dense(units, activation) per entry of {@code hidden} → Dense 10 → Output. */
    static NetworkGraph mlp(String activation, int... hidden) {
        return RecordedRun.mlp(activation, hidden);
    }

    static OptimizerSettings sgd(double rate) {
        return new OptimizerSettings(OptimizerKind.SGD, rate, 0, false, 0.9, 0.999, 1e-8, 0, 0);
    }

    /** Trains {@code graph} on the first {@code limit} MNIST training images for one epoch; all its events. */
    static List<TrainingEvent> train(String name, NetworkGraph graph, OptimizerSettings optimizer, int limit)
            throws Exception {
        return train(new Project(name, graph, DatasetChoice.of("mnist").with("normalize", true),
                new TrainingSettings(optimizer, ScheduleSettings.fixed(), 64, 1, 0.1, 42, DeviceChoice.CPU)), limit);
    }

    static List<TrainingEvent> train(Project project, int limit) throws Exception {
        DatasetChoice choice = project.dataset().with("path", datasets().resolve("mnist").toString());
        TrainingSettings settings = project.training();
        TrainingSettings oneEpoch = new TrainingSettings(settings.optimizer(), settings.schedule(),
                settings.batchSize(), 1, settings.validationSplit(), settings.seed(), DeviceChoice.CPU);
        Dataset mnist = DatasetRegistry.standard().load(DatasetRequest.of(choice, Path.of("."), 42, 0.1)
                .withTrainingLimit(limit), ProgressListener.none());
        Path runs = Files.createTempDirectory("layerloom-health-runs");
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        TrainingJob job = TrainingJob.of(new Project(project.name(), project.graph(), choice, oneEpoch), mnist, runs)
                .withThreads(2).withInspection(INSPECTION);
        TrainingEvent end = TrainingSession.start(job, events::add).outcome().get(5, TimeUnit.MINUTES);
        if (!(end instanceof RunFinished)) {
            throw new IllegalStateException("training failed: " + end);
        }
        return List.copyOf(events);
    }
}
