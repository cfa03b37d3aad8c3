package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.TestProgress;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * A run that trains until it is stopped goes on past its epochs, from a new start or resumed from a finished run;
 * the test of every run reports its progress.
 */
class UntilStoppedTest {

    private static final DatasetChoice MOONS = DatasetChoice.of("moons").with("samples", 400).with("noise", 0.1);
    private static final TrainingSettings ONE_EPOCH = new TrainingSettings(OptimizerSettings.adam(0.01),
            ScheduleSettings.fixed(), 32, 1, 0.2, 5, DeviceChoice.CPU);

    @TempDir
    Path runs;

    private TrainingJob job() throws Exception {
        Dataset data = TrainingFixtures.load(MOONS, ONE_EPOCH.seed(), ONE_EPOCH.validationSplit(), 0);
        Project project = TrainingFixtures.project("moons", TrainingFixtures.mlp(new int[] {2}, 8, 1, 2), MOONS,
                ONE_EPOCH);
        return TrainingJob.of(project, data, runs).withSettings(ONE_EPOCH).withThreads(1);
    }

    /** Trains {@code job}, stopping it (on its worker) once {@code stopAtEpoch} epochs have ended (0: never). */
    private static TrainingFixtures.Recorder train(TrainingJob job, int stopAtEpoch) throws Exception {
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        AtomicReference<TrainingSession> session = new AtomicReference<>();
        TrainingSession started = TrainingSession.start(job, event -> {
            recorder.trainingEvent(event);
            if (stopAtEpoch > 0 && event instanceof EpochEnded ended && ended.epoch() == stopAtEpoch) {
                while (session.get() == null) {
                    Thread.onSpinWait();
                }
                session.get().control().stop();
            }
        });
        session.set(started);
        TrainingEvent end = TrainingFixtures.await(started);
        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);
        return recorder;
    }

    @Test
    void a_run_until_stopped_trains_past_its_epochs_and_one_without_ends_after_them() throws Exception {
        TrainingFixtures.Recorder plain = train(job(), 0);
        assertThat(plain.all(EpochEnded.class)).hasSize(1);
        assertThat(plain.all(RunStarted.class).get(0).untilStopped()).isFalse();

        TrainingFixtures.Recorder on = train(job().withUntilStopped(true), 4);
        assertThat(on.all(RunStarted.class).get(0).untilStopped()).isTrue();
        assertThat(on.all(EpochEnded.class)).extracting(EpochEnded::epoch).containsExactly(1, 2, 3, 4);
        RunFinished finished = on.all(RunFinished.class).get(0);
        assertThat(finished.epochsDone()).isEqualTo(4);
        assertThat(finished.stoppedEarly()).isTrue();
    }

    @Test
    void a_finished_run_continues_until_stopped_from_its_checkpoint() throws Exception {
        RunFinished first = train(job(), 0).all(RunFinished.class).get(0);
        Path folder = Path.of(first.runFolder());

        TrainingFixtures.Recorder more = train(job().withSettings(ONE_EPOCH.withEpochs(2)).withResumeFrom(folder)
                .withUntilStopped(true), 5);
        assertThat(more.all(RunStarted.class).get(0).firstEpoch()).isEqualTo(2);
        assertThat(more.all(EpochEnded.class)).extracting(EpochEnded::epoch).containsExactly(2, 3, 4, 5);
        assertThat(RunFolder.open(folder).readMetrics()).hasSize(5);
    }

    @Test
    void the_test_of_the_kept_network_reports_its_progress_before_the_run_ends() throws Exception {
        TrainingFixtures.Recorder recorder = train(job(), 0);
        List<TestProgress> progress = recorder.all(TestProgress.class);
        RunFinished finished = recorder.all(RunFinished.class).get(0);
        int examples = finished.test().examples();

        assertThat(examples).isPositive();
        assertThat(progress.get(0).examplesDone()).isZero();
        assertThat(progress).allSatisfy(p -> assertThat(p.examples()).isEqualTo(examples));
        assertThat(progress).extracting(TestProgress::examplesDone).isSorted();
        assertThat(progress.get(progress.size() - 1).examplesDone()).isEqualTo(examples);
        assertThat(progress.size()).as("one per test batch and one at the start")
                .isEqualTo((examples + 31) / 32 + 1);
    }
}
