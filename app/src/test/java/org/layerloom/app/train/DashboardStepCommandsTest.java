package org.layerloom.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.fx.EventPump;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.BatchStepped;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * The dashboard's Step and slow motion on a real run of the spirals sample, without the toolkit: Step with no run
 * on starts one that pauses after its first batch, and an hour's slow-motion pause set while paused holds the
 * batch after the next back until Stop, which ends the run without it.
 */
class DashboardStepCommandsTest {

    private final EventPump<TrainingEvent> pump = new EventPump<>();
    private final List<TrainingEvent> events = new ArrayList<>();
    private final List<TrainingSession> sessions = new ArrayList<>();

    private void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            pump.drainNow();
        }
        assertThat(condition.getAsBoolean()).as("reached before the two-minute guard").isTrue();
    }

    private long count(Class<? extends TrainingEvent> type) {
        return events.stream().filter(type::isInstance).count();
    }

    @Test
    void step_with_no_run_trains_one_batch_and_slow_motion_holds_the_next_until_stop(@TempDir Path dir)
            throws Exception {
        Path file = Files.copy(Path.of("../samples/projects/spirals.loom"), dir.resolve("spirals.loom"));
        TrainableProject spirals = new TrainableProject(ProjectFiles.load(file), file);
        CountDownLatch stepAsked = new CountDownLatch(1);
        // The run's worker waits in its first event until Step has asked for its first batch as a step.
        TrainingLauncher recording = (request, listener) -> {
            TrainingSession session = TrainingLauncher.ENGINE.start(request, event -> {
                try {
                    stepAsked.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                listener.trainingEvent(event);
            });
            sessions.add(session);
            return session;
        };
        TrainingDashboardViewModel model = new TrainingDashboardViewModel(pump, () -> spirals, recording,
                System::nanoTime);
        pump.subscribe(events::addAll);

        model.step();
        stepAsked.countDown();
        await(() -> model.phaseProperty().get() == DashboardPhase.PAUSED && count(BatchStepped.class) == 1);

        assertThat(count(BatchEnded.class)).isEqualTo(1);
        assertThat(model.steps().lastProperty().get().step()).isEqualTo(1);
        model.slowMotionProperty().set(3_600_000);
        assertThat(sessions.get(0).control().slowMotionMillis()).isEqualTo(3_600_000);
        // Resuming trains the next batch at once; slow motion then holds the one after it back.
        model.resume();
        await(() -> count(BatchEnded.class) == 2);
        model.stop();
        RunFinished end = (RunFinished) sessions.get(0).outcome().get(2, TimeUnit.MINUTES);
        pump.drainNow();

        assertThat(end.reason()).contains("after batch 2");
        assertThat(count(BatchEnded.class)).isEqualTo(2);
        assertThat(model.phaseProperty().get()).isEqualTo(DashboardPhase.STOPPED);
    }
}
