package org.layerloom.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.fx.EventPump;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.DataLoaded;
import org.layerloom.engine.data.DataUse;
import org.layerloom.engine.data.LeftOut;
import org.layerloom.engine.data.LeftOutReason;
import org.layerloom.engine.train.event.DataProgress;
import org.layerloom.engine.train.event.CheckpointSaved;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.LearningRateChanged;
import org.layerloom.engine.train.NonFiniteExplanation;
import org.layerloom.engine.train.event.NotFiniteCause;
import org.layerloom.engine.train.event.OutputNotFinite;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.RunState;
import org.layerloom.engine.train.event.StateChanged;
import org.layerloom.engine.train.event.TestMetrics;
import org.layerloom.engine.train.event.TrainingEvent;

/** The dashboard's view-model fed event batches through the pump, without the toolkit. */
class TrainingDashboardViewModelTest {

    private final AtomicLong nanos = new AtomicLong();
    private final EventPump<TrainingEvent> pump = new EventPump<>();
    private final Recorder feed = new Recorder();
    private final TrainingDashboardViewModel model = new TrainingDashboardViewModel(pump, () -> null,
            TrainingLauncher.ENGINE, nanos::get);

    TrainingDashboardViewModelTest() {
        model.setChartFeed(feed);
    }

    private void send(TrainingEvent... events) {
        for (TrainingEvent e : events) {
            pump.append(e);
        }
        pump.drainNow();
    }

    private static BatchEnded batch(int epoch, int batch) {
        return BatchEnded.builder().setBatch(epoch, batch, 10).setStep((epoch - 1) * 10L + batch)
                .setLoss(1.0 / (batch + 1)).optAccuracy(0.5).setLearningRate(0.01).setSamplesPerSecond(2000).build();
    }

    /** A new run of {@code epochs} epochs of 10 batches on the CPU with {@code threads} threads. */
    private static RunStarted started(int epochs, int threads) {
        return RunStarted.builder().setRunId("r").setEpochs(epochs, 10).optDevice("cpu", threads).build();
    }

    @Test
    void a_pulse_of_batches_is_charted_and_flushed_once() {
        send(started(4, 2), new StateChanged(RunState.RUNNING, 1, 1));
        feed.flushes = 0;
        send(batch(1, 1), batch(1, 2), batch(1, 3));
        assertThat(feed.xs).containsExactly(0.1, 0.2, 0.3);
        assertThat(feed.flushes).isEqualTo(1);
        assertThat(model.live().progress().epochTextProperty().get()).isEqualTo("Epoch 1 of 4");
        assertThat(model.live().progress().batchTextProperty().get()).isEqualTo("batch 3 of 10");
        assertThat(model.live().progress().speedTextProperty().get()).isEqualTo("2,000 samples/s");
        assertThat(model.live().progress().deviceTextProperty().get()).isEqualTo("CPU · 2 threads");
        assertThat(model.live().progress().fractionProperty().get()).isEqualTo(3 / 40.0);
        assertThat(model.phaseProperty().get()).isEqualTo(DashboardPhase.RUNNING);
    }

    @Test
    void time_left_follows_the_speed_and_a_pause_does_not_count() {
        send(started(2, 1));
        nanos.set(10_000_000_000L);
        send(batch(1, 1), batch(1, 2), batch(1, 3), batch(1, 4), batch(1, 5));
        assertThat(model.live().progress().elapsedTextProperty().get()).isEqualTo("0:10");
        assertThat(model.live().progress().etaTextProperty().get()).isEqualTo("about 0:30 left");
        send(new StateChanged(RunState.PAUSED, 1, 5));
        nanos.set(70_000_000_000L);
        model.tick();
        assertThat(model.live().progress().elapsedTextProperty().get()).isEqualTo("0:10");
        assertThat(model.phaseProperty().get().canResume()).isTrue();
        assertThat(model.phaseProperty().get().canPause()).isFalse();
        send(new StateChanged(RunState.RUNNING, 1, 6));
        nanos.set(72_000_000_000L);
        model.tick();
        assertThat(model.live().progress().elapsedTextProperty().get()).isEqualTo("0:12");
    }

    @Test
    void a_learning_rate_change_becomes_a_labelled_marker() {
        send(started(5, 1));
        send(new LearningRateChanged(3, 1, 0.01, 0.001));
        assertThat(feed.markers).containsExactly("lr 0.01 → 0.001 at epoch 3");
        assertThat(feed.markerXs).containsExactly(2.0);
        assertThat(model.live().learningRateProperty().get()).isEqualTo(0.001);
    }

    @Test
    void the_end_of_a_run_gives_the_result_with_the_best_checkpoint() {
        List<Runnable> ended = new ArrayList<>();
        model.setOnRunEnded(() -> ended.add(() -> { }));
        TestMetrics test = new TestMetrics(100, 0.3, 0.9, List.of("a", "b"), new double[] {0.9, 0.9},
                new double[] {0.9, 0.9}, new int[][] {{45, 5}, {5, 45}}, Double.NaN, Double.NaN);
        send(started(2, 1),
                new EpochEnded(1, 0.6, 0.7, 0.5, 0.75, 0.01, 1),
                new CheckpointSaved(1, "f", true),
                new EpochEnded(2, 0.4, 0.8, 0.55, 0.74, 0.01, 1),
                RunFinished.builder().setRun("r", "/tmp/p.runs/r").setEpochs(2, 1).setTest(test).build());
        RunResult result = model.resultProperty().get();
        assertThat(result.bestEpoch()).isEqualTo(1);
        assertThat(result.bestValidationLoss()).isEqualTo(0.5);
        assertThat(result.test().accuracy()).isEqualTo(0.9);
        assertThat(model.phaseProperty().get()).isEqualTo(DashboardPhase.FINISHED);
        assertThat(model.phaseProperty().get().canTrain()).isTrue();
        assertThat(model.live().bestTextProperty().get()).isEqualTo("best: epoch 1");
        assertThat(feed.epochs).isEqualTo(2);
        assertThat(ended).hasSize(1);
    }

    @Test
    void reset_leaves_nothing_of_the_last_run_and_a_saved_run_can_be_shown_instead() {
        TestMetrics test = new TestMetrics(100, 0.3, 0.9, List.of("a", "b"), new double[] {0.9, 0.9},
                new double[] {0.9, 0.9}, new int[][] {{45, 5}, {5, 45}}, Double.NaN, Double.NaN);
        nanos.set(0);
        send(started(2, 1), batch(1, 1), new EpochEnded(1, 0.6, 0.7, 0.5, 0.75, 0.01, 1),
                new LearningRateChanged(2, 1, 0.01, 0.001),
                RunFinished.builder().setRun("r", "/tmp/p.runs/r").setEpochs(2, 1).setTest(test).build());
        assertThat(model.resultProperty().get()).isNotNull();

        assertThat(model.reset()).isTrue();
        assertThat(model.phaseProperty().get()).isEqualTo(DashboardPhase.IDLE);
        assertThat(model.resultProperty().get()).isNull();
        assertThat(model.live().epochs()).isEmpty();
        assertThat(model.live().bestTextProperty().get()).isEmpty();
        assertThat(model.live().learningRateProperty().get()).isNaN();
        assertThat(model.live().progress().epochTextProperty().get()).isEqualTo("Epoch –");
        assertThat(model.live().progress().batchTextProperty().get()).isEqualTo("batch –");
        assertThat(model.live().progress().etaTextProperty().get()).isEqualTo("–");
        assertThat(model.live().progress().deviceTextProperty().get()).isEqualTo("–");
        assertThat(model.live().progress().fractionProperty().get()).isZero();
        assertThat(feed.xs).as("the charts are empty").isEmpty();
        assertThat(model.canContinue().get()).isFalse();

        int charted = feed.epochs;
        RunResult saved = new RunResult(test, 2, 0.45, 2, "completed (saved run s)", java.nio.file.Path.of("/p.runs/s"),
                75);
        model.showSaved(new SavedRun(saved, List.of(new EpochEnded(1, 0.6, 0.7, 0.5, 0.75, 0.01, 1),
                new EpochEnded(2, 0.4, 0.8, 0.45, 0.8, 0.01, 1))));
        assertThat(model.resultProperty().get()).isSameAs(saved);
        assertThat(model.phaseProperty().get()).isEqualTo(DashboardPhase.IDLE);
        assertThat(feed.epochs - charted).as("its curves").isEqualTo(2);
        assertThat(model.live().bestTextProperty().get()).isEqualTo("best: epoch 2");
        assertThat(model.live().progress().epochTextProperty().get()).isEqualTo("Epoch 2 of 2");
        assertThat(model.live().progress().elapsedTextProperty().get()).isEqualTo("1:15");
        assertThat(model.live().progress().etaTextProperty().get()).isEqualTo("done");
        assertThat(model.live().progress().fractionProperty().get()).isEqualTo(1.0);
    }

    @Test
    void an_active_run_is_not_reset() {
        send(started(4, 1), batch(1, 1));
        assertThat(model.reset()).isFalse();
        assertThat(model.phaseProperty().get()).isEqualTo(DashboardPhase.RUNNING);
        assertThat(model.live().progress().epochTextProperty().get()).isEqualTo("Epoch 1 of 4");
    }

    @Test
    void a_failure_is_told_in_the_students_words() {
        send(new RunFailed("The loss became NaN at epoch 2; try a learning rate of 0.001.", "", 2, 31));
        assertThat(model.phaseProperty().get()).isEqualTo(DashboardPhase.FAILED);
        assertThat(model.messageProperty().get()).contains("try a learning rate");
    }

    @Test
    void a_not_a_number_failure_names_the_layer_and_a_new_run_forgets_it() {
        OutputNotFinite found = OutputNotFinite.builder().setBatch(1, 1).setCause(NotFiniteCause.PARAMETER)
                .optNode("conv2d3", "Conv 2", "Conv2D").optParameter("weight").setValue("NaN").build();
        send(found, new RunFailed(NonFiniteExplanation.text(found), "", 1, 1));
        assertThat(model.phaseProperty().get()).isEqualTo(DashboardPhase.FAILED);
        assertThat(model.messageProperty().get()).contains("The initial 'weight' values of Conv 2 (Conv2D) are NaN")
                .doesNotContain("is probably too high");
        assertThat(model.live().failedLayer().nodeIdProperty().get()).isEqualTo("conv2d3");
        assertThat(model.live().failedLayer().textProperty().get()).isEqualTo("Show Conv 2 in the editor");

        send(started(4, 2));
        assertThat(model.live().failedLayer().nodeIdProperty().get()).isEmpty();
    }

    @Test
    void a_data_failure_has_no_layer_to_show() {
        send(OutputNotFinite.builder().setBatch(1, 1).setCause(NotFiniteCause.INPUT).setValue("NaN")
                .optDataWhere("data.csv, example 3").build());
        assertThat(model.live().failedLayer().textProperty().get()).isEmpty();
    }

    @Test
    void train_without_a_project_says_what_to_do() {
        model.train();
        assertThat(model.messageProperty().get()).isEqualTo("Open or create a project first.");
        assertThat(model.phaseProperty().get()).isEqualTo(DashboardPhase.IDLE);
    }

    @Test
    void the_learning_rate_can_change_only_while_paused() {
        assertThat(model.changeLearningRate("0.001")).isFalse();
        assertThat(model.messageProperty().get()).contains("Pause the run");
    }

    @Test
    void stop_while_the_dataset_loads_ends_the_run_before_it_starts(@TempDir Path dir) throws Exception {
        Path file = Files.copy(Path.of("../samples/projects/spirals.loom"), dir.resolve("spirals.loom"));
        TrainableProject spirals = new TrainableProject(ProjectFiles.load(file), file);
        CountDownLatch stopAsked = new CountDownLatch(1);
        List<TrainingSession> sessions = new ArrayList<>();
        // The run's worker waits in its first event (the run is starting) until Stop has been pressed.
        TrainingLauncher waitingForStop = (request, listener) -> {
            TrainingSession session = TrainingSession.start(request, event -> {
                awaitQuietly(stopAsked);
                listener.trainingEvent(event);
            });
            sessions.add(session);
            return session;
        };
        TrainingDashboardViewModel waiting = new TrainingDashboardViewModel(pump, () -> spirals, waitingForStop,
                nanos::get);
        waiting.train();
        assertThat(waiting.phaseProperty().get()).isEqualTo(DashboardPhase.LOADING);
        assertThat(waiting.phaseProperty().get().canTrain()).isFalse();
        assertThat(waiting.phaseProperty().get().canStop()).isTrue();

        waiting.stop();
        stopAsked.countDown();
        sessions.get(0).outcome().get(1, TimeUnit.MINUTES);
        pump.drainNow();

        assertThat(waiting.phaseProperty().get()).isEqualTo(DashboardPhase.STOPPED);
        assertThat(waiting.messageProperty().get()).isEqualTo("Stopped before training began.");
        assertThat(waiting.hasSession()).isFalse();
        assertThat(dir.resolve("spirals.runs")).doesNotExist();
    }

    @Test
    void train_on_an_untitled_project_asks_where_to_save_it_and_then_trains(@TempDir Path dir) throws Exception {
        Path file = Files.copy(Path.of("../samples/projects/spirals.loom"), dir.resolve("spirals.loom"));
        java.util.concurrent.atomic.AtomicReference<TrainableProject> open = new java.util.concurrent.atomic
                .AtomicReference<>(new TrainableProject(ProjectFiles.load(file), null));
        CountDownLatch stopAsked = new CountDownLatch(1);
        List<TrainingSession> sessions = new ArrayList<>();
        TrainingLauncher waitingForStop = (request, listener) -> {
            TrainingSession session = TrainingSession.start(request, event -> {
                awaitQuietly(stopAsked);
                listener.trainingEvent(event);
            });
            sessions.add(session);
            return session;
        };
        List<Runnable> saveAsAsked = new ArrayList<>();
        TrainingDashboardViewModel untitled = new TrainingDashboardViewModel(pump, open::get, waitingForStop,
                nanos::get);
        untitled.setSaveFirst(saveAsAsked::add);

        untitled.train();
        assertThat(saveAsAsked).as("Save As is offered in place").hasSize(1);
        assertThat(untitled.messageProperty().get()).contains("Choose where to keep this project")
                .doesNotContain("Save the project first");
        assertThat(untitled.phaseProperty().get()).isEqualTo(DashboardPhase.IDLE);
        assertThat(sessions).isEmpty();

        open.set(new TrainableProject(open.get().project(), file));
        saveAsAsked.get(0).run();
        assertThat(untitled.phaseProperty().get()).as("saved: training starts").isEqualTo(DashboardPhase.LOADING);
        untitled.stop();
        stopAsked.countDown();
        sessions.get(0).outcome().get(1, TimeUnit.MINUTES);
        pump.drainNow();
    }

    @Test
    void fine_tuning_a_pruned_run_and_learning_from_a_teacher_are_ordinary_runs_with_guidance(@TempDir Path dir)
            throws Exception {
        Path file = Files.copy(Path.of("../samples/projects/spirals.loom"), dir.resolve("spirals.loom"));
        TrainableProject spirals = new TrainableProject(ProjectFiles.load(file), file);
        List<org.layerloom.engine.train.TrainingRequest> asked = new ArrayList<>();
        List<TrainingSession> sessions = new ArrayList<>();
        TrainingLauncher recording = (request, listener) -> {
            asked.add(request);
            TrainingSession session = TrainingSession.start(request, listener);
            sessions.add(session);
            return session;
        };
        TrainingDashboardViewModel guided = new TrainingDashboardViewModel(pump, () -> spirals, recording, nanos::get);
        Path pruned = dir.resolve("spirals.runs/2026-01-01_12-00-00");

        assertThat(guided.fineTune(pruned, 1)).isTrue();
        assertThat(guided.fineTune(pruned, 1)).as("not while a run is active").isFalse();
        assertThat(asked).singleElement().satisfies(request -> {
            assertThat(request.guidance().startFrom()).isEqualTo(pruned);
            assertThat(request.guidance().holdPruned()).isTrue();
            assertThat(request.settings().epochs()).isEqualTo(1);
        });
        sessions.get(0).outcome().get(1, TimeUnit.MINUTES);
        pump.drainNow();
        // That folder holds no run: the run says so in the student's words, and nothing else starts.
        assertThat(guided.phaseProperty().get()).isEqualTo(DashboardPhase.FAILED);
        assertThat(guided.messageProperty().get()).contains("should start from the weights of");

        org.layerloom.engine.train.RunGuidance.Teacher teacher =
                new org.layerloom.engine.train.RunGuidance.Teacher(pruned, 4, 0.9);
        guided.trainLearningFrom(teacher);
        assertThat(asked).hasSize(2);
        assertThat(asked.get(1).guidance().teacher()).isEqualTo(teacher);
        assertThat(asked.get(1).guidance().startFrom()).isNull();
        sessions.get(1).outcome().get(1, TimeUnit.MINUTES);
        pump.drainNow();
        assertThat(guided.messageProperty().get()).contains("The teacher run cannot be opened");
    }

    @Test
    void the_loading_of_the_dataset_fills_the_progress_bar() {
        send(new StateChanged(RunState.STARTING, 0, 0), new DataProgress("Generating spirals", 500, 1000));
        assertThat(model.live().progress().fractionProperty().get()).isEqualTo(0.5);
        send(new DataLoaded("Spirals", 800, 200, 200, 0.1));
        assertThat(model.phaseProperty().get()).isEqualTo(DashboardPhase.STARTING);
    }

    @Test
    void what_the_loader_left_out_is_shown_with_counts_and_places() {
        send(new StateChanged(RunState.STARTING, 0, 0), new DataLoaded("cats", 30, 5, 5, 0.1, List.of(
                "2 file(s) below cats were left out: 2 damaged or truncated picture(s).", "Augmentation added 1."),
                DataUse.counted("file", 40, List.of(new LeftOut(LeftOutReason.DAMAGED_IMAGE, 2,
                        List.of("cat/a.jpg", "dog/b.jpg"))))));
        assertThat(model.messageProperty().get()).isEqualTo("Training on 30 examples of cats. 40 of 42 files used; "
                + "2 left out: 2 damaged or truncated (cat/a.jpg, dog/b.jpg). 2 file(s) below cats were left out: 2 "
                + "damaged or truncated picture(s). (1 more in the Data area's data doctor)");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Recorder implements DashboardChartFeed {
        final List<Double> xs = new ArrayList<>();
        final List<String> markers = new ArrayList<>();
        final List<Double> markerXs = new ArrayList<>();
        int epochs;
        int flushes;

        @Override
        public void reset() {
            xs.clear();
        }

        @Override
        public void batch(double x, double loss, double accuracy, double learningRate) {
            xs.add(x);
        }

        @Override
        public void epoch(EpochEnded epoch) {
            epochs++;
        }

        @Override
        public void marker(double x, String label) {
            markers.add(label);
            markerXs.add(x);
        }

        @Override
        public void flush() {
            flushes++;
        }
    }
}
