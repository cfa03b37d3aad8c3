package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.CheckpointSaved;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.LearningRateChanged;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.RunState;
import org.layerloom.engine.train.event.StateChanged;
import org.layerloom.engine.train.event.TrainingEvent;

class TrainingSessionTest {

    @TempDir
    Path runs;

    private static TrainingSettings adam(double rate, int batch, int epochs, long seed) {
        return new TrainingSettings(OptimizerSettings.adam(rate), ScheduleSettings.fixed(), batch, epochs, 0.2, seed,
                DeviceChoice.CPU);
    }

    private TrainingJob moonsJob(TrainingSettings settings) throws Exception {
        DatasetChoice choice = DatasetChoice.of("moons").with("samples", 800).with("noise", 0.1);
        Dataset data = TrainingFixtures.load(choice, settings.seed(), settings.validationSplit(), 0);
        NetworkGraph graph = TrainingFixtures.mlp(new int[] {2}, 16, 2, 2);
        Project project = TrainingFixtures.project("moons", graph, choice, settings);
        return TrainingJob.of(project, data, runs).withSettings(settings).withThreads(1);
    }

    @Test
    void a_small_network_learns_two_moons_and_saves_its_run() throws Exception {
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        TrainingSession session = TrainingSession.start(moonsJob(adam(0.01, 32, 25, 7)), recorder);
        TrainingEvent end = TrainingFixtures.await(session);

        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);
        RunFinished finished = (RunFinished) end;
        assertThat(finished.test().accuracy()).isGreaterThan(0.95);
        assertThat(finished.test().confusion()).hasDimensions(2, 2);
        assertThat(recorder.all(EpochEnded.class)).hasSize(25);
        List<EpochEnded> epochs = recorder.all(EpochEnded.class);
        assertThat(epochs.get(24).trainLoss()).isLessThan(epochs.get(0).trainLoss());
        assertThat(recorder.all(BatchEnded.class)).allSatisfy(b -> assertThat(b.samplesPerSecond()).isPositive());
        assertThat(recorder.all(CheckpointSaved.class)).anyMatch(CheckpointSaved::best);
        assertThat(session.state()).isEqualTo(RunState.FINISHED);

        Path folder = Path.of(finished.runFolder());
        assertThat(folder.getParent()).isEqualTo(runs);
        for (String file : List.of("best.params", "last.params", "metrics.json", "metrics.csv", "test.json",
                "manifest.json")) {
            assertThat(folder.resolve(file)).as(file).isRegularFile();
        }
        assertThat(Files.readAllLines(folder.resolve("metrics.csv"))).hasSize(26);
        String manifest = Files.readString(folder.resolve("manifest.json"));
        assertThat(manifest).contains("\"status\" : \"completed\"", "\"djl\" : \"0.35.0\"", "PyTorch", "\"device\" : \"CPU\"",
                "\"sha256\"", "\"kind\" : \"Dense\"");
        assertThat(manifest).containsPattern("\"kernels\" : \\{\\s*"
                + "\"choice\" : \"onednn(-off|-for-training-recurrences)?\",\\s*\"mode\" : \"auto\","
                + "\\s*\"verified\" : true");
    }

    @Test
    void gradients_recorded_elsewhere_while_a_run_trains_take_turns_and_neither_fails() throws Exception {
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        TrainingSession session = TrainingSession.start(moonsJob(adam(0.01, 8, 4, 5)), recorder);
        int turns = 0;
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            while (!session.outcome().isDone()) {
                // What saliency and Grad-CAM do on another thread: one collector while the worker trains.
                try (GradientLock.Turn turn = GradientLock.acquire();
                     ai.djl.training.GradientCollector collector = manager.getEngine().newGradientCollector()) {
                    ai.djl.ndarray.NDArray x = manager.create(new float[] {1, 2, 3});
                    x.setRequiresGradient(true);
                    collector.backward(x.mul(x).sum());
                    assertThat(x.getGradient().toFloatArray()).containsExactly(2, 4, 6);
                }
                turns++;
            }
        }
        assertThat(TrainingFixtures.await(session)).isInstanceOf(RunFinished.class);
        assertThat(recorder.all(RunFailed.class)).isEmpty();
        assertThat(turns).isGreaterThan(10);
    }

    @Test
    void the_same_seed_gives_the_same_loss_curve() throws Exception {
        double[] first = losses(moonsJob(adam(0.01, 32, 2, 11)));
        double[] second = losses(moonsJob(adam(0.01, 32, 2, 11)));
        double[] other = losses(moonsJob(adam(0.01, 32, 2, 12)));
        assertThat(first).hasSizeGreaterThan(20).containsExactly(second);
        assertThat(other).isNotEqualTo(first);
    }

    private double[] losses(TrainingJob job) throws Exception {
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        assertThat(TrainingFixtures.await(TrainingSession.start(job, recorder))).isInstanceOf(RunFinished.class);
        return recorder.all(BatchEnded.class).stream().mapToDouble(BatchEnded::loss).toArray();
    }

    @Test
    void pause_resume_change_the_rate_and_stop_act_between_batches() throws Exception {
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        TrainingSession session = TrainingSession.start(moonsJob(adam(0.01, 8, 1000, 3)), recorder);
        waitFor(() -> recorder.all(BatchEnded.class).size() >= 5);
        session.control().pause();
        waitFor(() -> session.state() == RunState.PAUSED);
        int batchesWhenPaused = recorder.all(BatchEnded.class).size();
        Thread.sleep(200);
        assertThat(recorder.all(BatchEnded.class)).hasSizeLessThanOrEqualTo(batchesWhenPaused + 1);

        session.control().setLearningRate(0.001);
        session.control().resume();
        waitFor(() -> recorder.all(BatchEnded.class).size() >= batchesWhenPaused + 5);
        assertThat(recorder.all(LearningRateChanged.class)).singleElement()
                .satisfies(change -> assertThat(change.to()).isEqualTo(0.001));
        List<BatchEnded> batches = recorder.all(BatchEnded.class); // one snapshot: the run goes on meanwhile
        assertThat(batches.get(batches.size() - 1).learningRate()).isEqualTo(0.001);

        session.control().stop();
        TrainingEvent end = TrainingFixtures.await(session);
        assertThat(end).isInstanceOf(RunFinished.class);
        assertThat(((RunFinished) end).stoppedEarly()).isTrue();
        assertThat(((RunFinished) end).reason()).as("what was trained when the stop came")
                .matches("stopped by you (after epoch \\d+|in epoch \\d+, after batch \\d+)");
        assertThat(recorder.all(StateChanged.class)).extracting(StateChanged::state)
                .contains(RunState.PAUSED, RunState.RUNNING, RunState.STOPPED);
        assertThat(Path.of(((RunFinished) end).runFolder()).resolve("last.params")).isRegularFile();
    }

    @Test
    void a_diverging_run_stops_with_advice_instead_of_training_on_nan() throws Exception {
        TrainingSettings settings = new TrainingSettings(new OptimizerSettings(OptimizerKind.SGD, 1e6, 0.9, false,
                0.9, 0.999, 1e-8, 0, 0), ScheduleSettings.fixed(), 32, 5, 0.2, 5, DeviceChoice.CPU);
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        TrainingEvent end = TrainingFixtures.await(TrainingSession.start(moonsJob(settings), recorder));

        assertThat(end).isInstanceOf(RunFailed.class);
        assertThat(((RunFailed) end).reason()).containsAnyOf("NaN", "infinite", "exploded")
                .contains("learning rate 1000000 is probably too high: try 0.001");
        assertThat(recorder.all(BatchEnded.class)).allSatisfy(b -> assertThat(b.loss()).isFinite());
    }

    @Test
    void every_optimizer_trains_on_the_pytorch_engine() throws Exception {
        // DJL's own Nesterov, RMSProp and Adagrad throw "Not implemented" on PyTorch; ours must all learn.
        for (OptimizerSettings optimizer : List.of(
                new OptimizerSettings(OptimizerKind.SGD, 0.1, 0.9, true, 0.9, 0.999, 1e-8, 1e-4, 0),
                new OptimizerSettings(OptimizerKind.ADAMW, 0.01, 0.9, false, 0.9, 0.999, 1e-8, 0.01, 0),
                new OptimizerSettings(OptimizerKind.RMSPROP, 0.01, 0.5, false, 0.9, 0.99, 1e-8, 0, 0),
                new OptimizerSettings(OptimizerKind.ADAGRAD, 0.1, 0.9, false, 0.9, 0.999, 1e-10, 0, 1.0))) {
            TrainingSettings settings = new TrainingSettings(optimizer, ScheduleSettings.fixed(), 32, 3, 0.2, 5,
                    DeviceChoice.CPU);
            TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
            TrainingEvent end = TrainingFixtures.await(TrainingSession.start(moonsJob(settings), recorder));
            assertThat(end).as("%s: %s", optimizer.kind(), end).isInstanceOf(RunFinished.class);
            List<EpochEnded> epochs = recorder.all(EpochEnded.class);
            assertThat(epochs.get(2).trainLoss()).as("%s", optimizer.kind()).isLessThan(epochs.get(0).trainLoss());
        }
    }

    @Test
    void a_dataset_that_does_not_fit_the_input_is_explained_before_training() throws Exception {
        TrainingJob job = moonsJob(adam(0.01, 32, 1, 1));
        NetworkGraph wrong = TrainingFixtures.mlp(new int[] {3}, 8, 1, 2);
        TrainingJob mismatched = new TrainingJob(job.project().withGraph(wrong), job.dataset(), job.settings(), runs, 1, 0);
        TrainingEvent end = TrainingFixtures.await(TrainingSession.start(mismatched, e -> { }));
        assertThat(end).isInstanceOf(RunFailed.class);
        assertThat(((RunFailed) end).reason()).contains("gives examples of shape (2)", "expects (3)",
                "Set the shape of input to (2)");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(5);
        }
    }
}
