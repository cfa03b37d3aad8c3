package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.OutputNotFinite;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.TrainingEvent;

/** A run stopped and resumed later trains exactly as one that never stopped. */
class ResumeTest {

    private static final DatasetChoice MOONS = DatasetChoice.of("moons").with("samples", 800).with("noise", 0.1);

    @TempDir
    Path runs;

    private static TrainingSettings settings(OptimizerSettings optimizer, int epochs) {
        return new TrainingSettings(optimizer, ScheduleSettings.fixed(), 32, epochs, 0.2, 11, DeviceChoice.CPU);
    }

    private TrainingJob job(TrainingSettings settings) throws Exception {
        Dataset data = TrainingFixtures.load(MOONS, settings.seed(), settings.validationSplit(), 0);
        Project project = TrainingFixtures.project("moons", TrainingFixtures.mlp(new int[] {2}, 16, 2, 2), MOONS, settings);
        return TrainingJob.of(project, data, runs).withSettings(settings).withThreads(1);
    }

    @Test
    void one_epoch_then_a_resumed_second_gives_the_loss_curve_of_two_epochs() throws Exception {
        OptimizerSettings adam = OptimizerSettings.adam(0.01);
        Trained reference = train(job(settings(adam, 2)), 0);

        Trained first = train(job(settings(adam, 1)), 0);
        Path folder = Path.of(first.finished().runFolder());
        Trained second = train(job(settings(adam, 2)).withResumeFrom(folder), 0);

        assertThat(second.started().firstEpoch()).isEqualTo(2);
        assertThat(second.started().runId()).isEqualTo(first.finished().runId());
        assertThat(concat(first.losses(), second.losses())).containsExactly(reference.losses(), within(1e-5));
        assertThat(second.finished().epochsDone()).isEqualTo(2);
        assertThat(second.finished().test().accuracy()).isEqualTo(reference.finished().test().accuracy());
        assertThat(second.epochs()).singleElement().satisfies(e -> assertThat(e.trainLoss())
                .isCloseTo(reference.epochs().get(1).trainLoss(), within(1e-6)));
        assertThat(RunFolder.open(folder).readMetrics()).hasSize(2);
        assertThat(Files.readString(folder.resolve("manifest.json"))).contains("\"resumes\"", "\"epoch\" : 2",
                "\"status\" : \"completed\"");
        assertThat(folder.resolve("optimizer.state")).isRegularFile();
    }

    @Test
    void a_stop_within_an_epoch_resumes_at_the_next_batch_with_momentum_nesterov_and_clipping() throws Exception {
        OptimizerSettings sgd = new OptimizerSettings(OptimizerKind.SGD, 0.05, 0.9, true, 0.9, 0.999, 1e-8, 1e-4, 0.5);
        Trained reference = train(job(settings(sgd, 2)), 0);

        Trained stopped = train(job(settings(sgd, 2)), 7);
        assertThat(stopped.finished().stoppedEarly()).isTrue();
        assertThat(stopped.losses()).hasSize(7);
        Trained resumed = train(job(settings(sgd, 2)).withResumeFrom(Path.of(stopped.finished().runFolder())), 0);

        assertThat(resumed.started().firstEpoch()).isEqualTo(1);
        assertThat(resumed.started().firstBatch()).isEqualTo(8);
        assertThat(concat(stopped.losses(), resumed.losses())).containsExactly(reference.losses(), within(1e-5));
        assertThat(resumed.epochs()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(resumed.epochs().get(i).trainLoss()).isCloseTo(reference.epochs().get(i).trainLoss(), within(1e-6));
            assertThat(resumed.epochs().get(i).validationLoss())
                    .isCloseTo(reference.epochs().get(i).validationLoss(), within(1e-6));
        }
    }

    @Test
    void a_weight_average_is_what_is_validated_and_tested_and_it_resumes_with_the_run() throws Exception {
        OptimizerSettings adam = OptimizerSettings.adam(0.01);
        Trained raw = train(job(settings(adam, 2)), 0);
        Trained averaged = train(job(settings(adam, 2).withWeightAverage(0.9)), 0);

        // The same steps (the average does not feed back into training), but other weights are validated.
        assertThat(averaged.losses()).containsExactly(raw.losses());
        assertThat(averaged.epochs().get(1).validationLoss()).isNotEqualTo(raw.epochs().get(1).validationLoss());

        Trained stopped = train(job(settings(adam, 2).withWeightAverage(0.9)), 9);
        Trained resumed = train(job(settings(adam, 2).withWeightAverage(0.9))
                .withResumeFrom(Path.of(stopped.finished().runFolder())), 0);
        assertThat(concat(stopped.losses(), resumed.losses())).containsExactly(averaged.losses(), within(1e-5));
        for (int i = 0; i < 2; i++) {
            assertThat(resumed.epochs().get(i).validationLoss())
                    .isCloseTo(averaged.epochs().get(i).validationLoss(), within(1e-6));
        }
        assertThat(resumed.finished().test().loss()).isCloseTo(averaged.finished().test().loss(), within(1e-6));
        assertThat(failure(job(settings(adam, 3)).withResumeFrom(Path.of(averaged.finished().runFolder()))))
                .contains("averages the weights");
    }

    @Test
    void a_resume_that_cannot_continue_the_run_says_why() throws Exception {
        OptimizerSettings adam = OptimizerSettings.adam(0.01);
        Path folder = Path.of(train(job(settings(adam, 1)), 0).finished().runFolder());

        assertThat(failure(job(settings(adam, 1)).withResumeFrom(folder)))
                .contains("has already trained 1 epoch(s)", "Set more than 1 epochs");
        OptimizerSettings sgd = new OptimizerSettings(OptimizerKind.SGD, 0.05, 0.9, false, 0.9, 0.999, 1e-8, 0, 0);
        assertThat(failure(job(settings(sgd, 2)).withResumeFrom(folder)))
                .contains("was trained with the optimizer adam", "Resume it with adam");
        TrainingJob wider = job(settings(adam, 2));
        wider = new TrainingJob(wider.project().withGraph(TrainingFixtures.mlp(new int[] {2}, 32, 2, 2)), wider.dataset(),
                wider.settings(), runs, 1, 0, folder);
        assertThat(failure(wider)).contains("The network has changed");
        assertThat(failure(job(settings(adam, 2)).withResumeFrom(runs.resolve("nothing-here"))))
                .contains("cannot resume", "There is no run folder");

        Files.writeString(folder.resolve("optimizer.state"), "scribbled over");
        assertThat(failure(job(settings(adam, 2)).withResumeFrom(folder)))
                .contains("optimizer.state does not belong to the checkpoint");
        Files.delete(folder.resolve("resume.json"));
        assertThat(failure(job(settings(adam, 2)).withResumeFrom(folder))).contains("no checkpoint to resume from");
    }

    @Test
    void a_nan_on_the_first_batch_after_resuming_updated_weights_keeps_the_learning_rate_advice() throws Exception {
        OptimizerSettings adam = OptimizerSettings.adam(0.01);
        Trained stopped = train(job(settings(adam, 2)), 3);
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        TrainingEvent end = TrainingFixtures.await(TrainingSession.start(
                job(settings(adam, 2)).withResumeFrom(Path.of(stopped.finished().runFolder())), recorder, block -> {
                    var weight = block.nodeBlock("hidden1").orElseThrow().getParameters().valueAt(0).getArray();
                    float[] values = weight.toFloatArray();
                    values[0] = Float.NaN;
                    weight.set(values);
                }));

        assertThat(end).as("%s", end).isInstanceOf(RunFailed.class);
        assertThat(((RunFailed) end).reason()).contains("at epoch 1 batch 4", "learning rate 0.01 is probably too high");
        assertThat(recorder.all(OutputNotFinite.class)).isEmpty();
    }

    // ---- helpers

    record Trained(RunStarted started, double[] losses, List<EpochEnded> epochs, RunFinished finished) {
    }

    /** Trains {@code job}; with {@code stopAfter} > 0, asks the run to stop after that many batches. */
    private static Trained train(TrainingJob job, int stopAfter) throws Exception {
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        AtomicReference<TrainingSession> session = new AtomicReference<>();
        TrainingSession started = TrainingSession.start(job, event -> {
            recorder.trainingEvent(event);
            if (stopAfter > 0 && event instanceof BatchEnded && recorder.all(BatchEnded.class).size() == stopAfter) {
                while (session.get() == null) {
                    Thread.onSpinWait();
                }
                session.get().control().stop(); // on the worker, so the run stops before the next batch
            }
        });
        session.set(started);
        TrainingEvent end = TrainingFixtures.await(started);
        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);
        return new Trained(recorder.all(RunStarted.class).get(0),
                recorder.all(BatchEnded.class).stream().mapToDouble(BatchEnded::loss).toArray(),
                recorder.all(EpochEnded.class), (RunFinished) end);
    }

    private static String failure(TrainingJob job) throws Exception {
        TrainingEvent end = TrainingFixtures.await(TrainingSession.start(job, e -> { }));
        assertThat(end).as("%s", end).isInstanceOf(RunFailed.class);
        return ((RunFailed) end).reason();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
