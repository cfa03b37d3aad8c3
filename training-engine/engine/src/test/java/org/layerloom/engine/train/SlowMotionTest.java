package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;

/** Slow motion in a real run: the worker waits between batches, and a stop during the wait ends the run at once. */
class SlowMotionTest {

    @TempDir
    Path dir;

    @Test
    void batches_are_at_least_the_slow_motion_pause_apart() throws Exception {
        List<Long> ends = new CopyOnWriteArrayList<>();
        CountDownLatch set = new CountDownLatch(1);
        TrainingSession session = TrainingSession.start(job(1), event -> {
            try {
                set.await(); // the worker waits in its first event until slow motion is on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (event instanceof BatchEnded) {
                ends.add(System.nanoTime());
            }
        });
        session.control().setSlowMotion(150);
        set.countDown();
        TrainingEvent end = TrainingFixtures.await(session);

        assertThat(end).isInstanceOf(RunFinished.class);
        assertThat(ends).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < ends.size(); i++) {
            assertThat((ends.get(i) - ends.get(i - 1)) / 1e6).isGreaterThanOrEqualTo(150);
        }
    }

    @Test
    void a_stop_during_a_long_slow_motion_pause_ends_the_run_without_another_batch() throws Exception {
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        CountDownLatch twoBatches = new CountDownLatch(1);
        RunControl[] control = new RunControl[1];
        CountDownLatch started = new CountDownLatch(1);
        TrainingSession session = TrainingSession.start(job(3), event -> {
            recorder.trainingEvent(event);
            if (event instanceof BatchEnded ended && ended.step() == 2) {
                try {
                    started.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                control[0].setSlowMotion(3_600_000); // an hour before the next batch
                twoBatches.countDown();
            }
        });
        control[0] = session.control();
        started.countDown();
        assertThat(twoBatches.await(2, TimeUnit.MINUTES)).isTrue();
        session.control().stop();
        TrainingEvent end = TrainingFixtures.await(session);

        assertThat(end).isInstanceOf(RunFinished.class);
        assertThat(((RunFinished) end).reason()).contains("after batch 2");
        assertThat(recorder.all(BatchEnded.class)).hasSize(2);
    }

    /** A hundred moons in batches of 16: a few batches per epoch. */
    private TrainingJob job(int epochs) throws Exception {
        DatasetChoice choice = DatasetChoice.of("moons").with("samples", 100).with("noise", 0.1);
        Dataset moons = TrainingFixtures.load(choice, 3, 0.2, 0);
        TrainingSettings settings = new TrainingSettings(OptimizerSettings.adam(0.01), ScheduleSettings.fixed(), 16,
                epochs, 0.2, 3, DeviceChoice.CPU);
        return TrainingJob.of(TrainingFixtures.project("moons", TrainingFixtures.mlp(new int[] {2}, 8, 1, 2), choice,
                settings), moons, dir.resolve("runs")).withSettings(settings).withThreads(1);
    }
}
