package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.event.DataLoaded;
import org.layerloom.engine.train.event.DataProgress;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.RunState;
import org.layerloom.engine.train.event.StateChanged;
import org.layerloom.engine.train.event.TrainingEvent;

/** A run started from a project: its dataset loads as phase 0 on the run's worker, then it trains. */
class TrainingRequestTest {

    @TempDir
    Path dir;

    private static Project moons(int epochs) {
        TrainingSettings settings = new TrainingSettings(OptimizerSettings.adam(0.01), ScheduleSettings.fixed(), 32,
                epochs, 0.2, 7, DeviceChoice.CPU);
        DatasetChoice choice = DatasetChoice.of("moons").with("samples", 400).with("noise", 0.1);
        return TrainingFixtures.project("moons", TrainingFixtures.mlp(new int[] {2}, 8, 1, 2), choice, settings);
    }

    @Test
    void the_dataset_loads_as_phase_zero_and_then_the_run_trains_beside_the_project() throws Exception {
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        TrainingRequest request = TrainingRequest.builder(moons(1), dir.resolve("moons.loom")).optThreads(1)
                .optTrainingLimit(100).build();

        TrainingSession session = TrainingSession.start(request, recorder);
        TrainingEvent end = TrainingFixtures.await(session);

        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);
        List<TrainingEvent> events = recorder.events;
        assertThat(events.get(0)).isEqualTo(new StateChanged(RunState.STARTING, 0, 0));
        assertThat(events).filteredOn(e -> e instanceof StateChanged s && s.state() == RunState.STARTING).hasSize(1);
        int loaded = events.indexOf(recorder.all(DataLoaded.class).get(0));
        assertThat(events.subList(1, loaded)).isNotEmpty().allMatch(DataProgress.class::isInstance);
        assertThat(events.get(loaded + 1)).isInstanceOf(RunStarted.class);
        DataLoaded data = (DataLoaded) events.get(loaded);
        assertThat(data.dataset()).isNotBlank();
        assertThat(data.trainExamples() + data.validationExamples()).as("the limit, split 80/20").isEqualTo(100);
        assertThat(((RunStarted) events.get(loaded + 1)).trainExamples()).isEqualTo(data.trainExamples());
        assertThat(session.dataset()).isCompleted();
        assertThat(Path.of(((RunFinished) end).runFolder()).getParent()).isEqualTo(dir.resolve("moons.runs"));
        assertThat(recorder.all(EpochEnded.class)).hasSize(1);
    }

    @Test
    void a_stop_while_the_dataset_loads_ends_the_run_before_training_begins() throws Exception {
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        CompletableFuture<TrainingSession> started = new CompletableFuture<>();
        CountDownLatch stopped = new CountDownLatch(1);
        TrainingRequest request = TrainingRequest.builder(moons(50), dir.resolve("moons.loom")).build();

        TrainingSession session = TrainingSession.start(request, event -> {
            recorder.trainingEvent(event);
            if (event instanceof StateChanged s && s.state() == RunState.STARTING) {
                // the worker waits here until the stop below has been asked for
                started.join().control().stop();
                stopped.countDown();
            }
        });
        started.complete(session);
        assertThat(stopped.await(1, TimeUnit.MINUTES)).isTrue();
        TrainingEvent end = TrainingFixtures.await(session);

        assertThat(end).isEqualTo(new RunFailed(DataPhase.STOPPED, "", 0, 0));
        assertThat(recorder.events).contains(new StateChanged(RunState.STOPPED, 0, 0));
        assertThat(recorder.all(RunStarted.class)).isEmpty();
        assertThat(session.dataset()).isCancelled();
        assertThat(session.state()).isEqualTo(RunState.STOPPED);
        assertThat(dir.resolve("moons.runs")).doesNotExist();
    }

    @Test
    void data_that_cannot_be_read_ends_the_run_saying_why() throws Exception {
        Project project = moons(1).withDataset(DatasetChoice.of("csv").with("path", "missing.csv"));
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();

        TrainingSession session = TrainingSession.start(TrainingRequest.builder(project, dir.resolve("p.loom")).build(),
                recorder);
        TrainingEvent end = TrainingFixtures.await(session);

        assertThat(end).isInstanceOf(RunFailed.class);
        assertThat(((RunFailed) end).reason()).startsWith("The dataset could not be loaded: ").contains("missing.csv");
        assertThat(session.dataset()).isCompletedExceptionally();
        assertThatThrownBy(() -> session.dataset().join()).hasCauseInstanceOf(DatasetException.class);
        assertThat(recorder.all(RunStarted.class)).isEmpty();
        assertThat(session.state()).isEqualTo(RunState.FAILED);
    }

    @Test
    void the_data_folder_becomes_the_path_of_the_datasets_read_from_files() {
        Project mnist = moons(1).withDataset(DatasetChoice.of("mnist"));
        TrainingRequest request = TrainingRequest.builder(mnist, dir.resolve("p.loom")).optDataFolder(dir.resolve("idx"))
                .optSettings(mnist.training().withDevice(DeviceChoice.AUTO)).build();

        Project trained = request.trainedProject();

        assertThat(trained.dataset().options().get("path")).hasToString(dir.resolve("idx").toString());
        assertThat(trained.training().device()).isEqualTo(DeviceChoice.AUTO);
        assertThat(request.projectFolder()).isEqualTo(dir);
    }
}
