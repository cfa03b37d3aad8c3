package org.layerloom.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerloom.app.WhenShown;
import org.layerloom.app.fx.EventPump;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.NonFiniteExplanation;
import org.layerloom.engine.train.event.NotFiniteCause;
import org.layerloom.engine.train.event.OutputNotFinite;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.history.RunSummary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the dashboard like a student: trains the spirals sample for real from the Train button, sees
 * points arrive, pauses, changes the learning rate, resumes (a marker appears), stops (the test result
 * and confusion matrix appear), trains again with another rate and compares both runs in the history.
 * Saves screenshots of each step, light and dark, to target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingDashboardViewTest {

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    private final EventPump<TrainingEvent> pump = new EventPump<>();
    private final AtomicReference<TrainableProject> project = new AtomicReference<>();
    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dashboard-test-background");
        t.setDaemon(true);
        return t;
    });
    private TrainingDashboardView view;
    private Scene scene;
    private Path file;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("dashboard-test");
        file = dir.resolve("spirals.loom");
        Files.copy(Path.of("../samples/projects/spirals.loom"), file);
        project.set(new TrainableProject(ProjectFiles.load(file), file));
        Label coach = new Label("Advice from the training coach appears here while the network learns.");
        coach.setWrapText(true);
        coach.getStyleClass().add("muted");
        view = new TrainingDashboardView(pump, project::get, background, opened::add, coach, theme);
        scene = new Scene(view, 1280, 800);
        DashboardScreenshots.theme(scene, theme, false);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        pump.start();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            view.viewModel().stop();
            pump.stop();
        });
        background.shutdownNow();
    }

    private static void await(String what, int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.waitFor(
                WaitForAsyncUtils.asyncFx(condition::getAsBoolean)));
    }

    private int batchPoints() {
        return view.charts().lossChart().model().series("batch").size();
    }

    private int validationPoints() {
        return view.charts().lossChart().model().series("validation").size();
    }

    private DashboardPhase phase() {
        return view.viewModel().phaseProperty().get();
    }

    @Test
    void a_not_a_number_failure_shows_its_message_and_a_link_to_the_layer(FxRobot robot) throws Exception {
        List<String> shown = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> view.setOnShowLayer(shown::add));
        OutputNotFinite found = OutputNotFinite.builder().setBatch(1, 1).setCause(NotFiniteCause.LAYER)
                .optNode("conv2d3", "Conv 2", "Conv2D").setValue("NaN").build();
        pump.append(found); // as the worker does: the view only reads the pump once per pulse
        pump.append(new RunFailed(NonFiniteExplanation.text(found), "", 1, 1));
        await("failed", 10, () -> phase() == DashboardPhase.FAILED);

        assertThat(robot.lookup("#dashboard-message").queryAs(Label.class).getText())
                .contains("Conv 2 (Conv2D) turned finite inputs into NaN").doesNotContain("is probably too high");
        WhenShown.click(robot, "#dashboard-failed-layer");
        assertThat(shown).containsExactly("conv2d3");
        DashboardScreenshots.save(scene, "not-a-number");
    }

    @Test
    void a_real_training_is_started_paused_given_a_new_rate_resumed_stopped_and_compared(FxRobot robot)
            throws Exception {
        robot.clickOn("#train-button");
        await("batches", 90, () -> batchPoints() >= 30 && validationPoints() >= 1);
        assertThat(robot.lookup("#device-text").queryAs(Label.class).getText()).startsWith("CPU");
        assertThat(robot.lookup("#speed-text").queryAs(Label.class).getText()).endsWith("samples/s");

        robot.clickOn("#pause-button");
        await("paused", 30, () -> phase() == DashboardPhase.PAUSED);
        int pausedAt = batchPoints();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertThat(WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(this::batchPoints))).isEqualTo(pausedAt);
        robot.doubleClickOn("#learning-rate-field").eraseText(12).write("0.002");
        robot.clickOn("#apply-rate-button");
        assertThat(view.viewModel().messageProperty().get()).contains("0.002");
        robot.clickOn("#resume-button");
        await("marker", 30, () -> !view.charts().lossChart().markerLabels().isEmpty());
        assertThat(view.charts().lossChart().markerLabels().get(0)).matches("lr 0\\.01 → 0\\.002 at epoch \\d+");
        assertThat(view.charts().rateChart().markerLabels()).hasSize(1);
        await("more epochs", 90, () -> validationPoints() >= 6);
        DashboardScreenshots.save(scene, "dashboard-training-light");
        DashboardScreenshots.theme(scene, theme, true);
        DashboardScreenshots.save(scene, "dashboard-training-dark");
        DashboardScreenshots.theme(scene, theme, false);

        robot.clickOn("#stop-button");
        await("result", 90, () -> view.viewModel().resultProperty().get() != null);
        assertThat(phase()).isEqualTo(DashboardPhase.STOPPED);
        RunResult result = view.viewModel().resultProperty().get();
        assertThat(result.test().classNames()).hasSize(3);
        assertThat(result.bestEpoch()).isPositive();
        assertThat(view.resultView().isVisible()).isTrue();
        assertThat(view.resultView().confusion().classCount()).isEqualTo(3);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> view.showTab(0));
        robot.moveTo(view.charts().lossChart()).moveBy(40, 0);
        WaitForAsyncUtils.waitForFxEvents();
        Label hover = robot.from(view.charts().lossChart()).lookup(".chart-hover").queryAs(Label.class);
        assertThat(hover.isVisible()).isTrue();
        assertThat(hover.getText()).startsWith("epoch ").contains("training, per batch: ").contains("(smoothed ");
        DashboardScreenshots.save(scene, "dashboard-hover-light");
        DashboardScreenshots.save(scene, "dashboard-result-light");
        DashboardScreenshots.theme(scene, theme, true);
        DashboardScreenshots.save(scene, "dashboard-result-dark");
        DashboardScreenshots.theme(scene, theme, false);

        Project base = project.get().project();
        TrainingSettings t = base.training();
        Project faster = base.withTraining(new TrainingSettings(t.optimizer().withLearningRate(0.003), t.schedule(),
                t.batchSize(), t.epochs(), t.validationSplit(), t.seed(), t.device()));
        ProjectFiles.save(faster, file);
        project.set(new TrainableProject(faster, file));
        robot.clickOn("#train-button");
        await("second run", 90, () -> phase() == DashboardPhase.RUNNING && validationPoints() >= 4);
        robot.clickOn("#stop-button");
        await("second result", 90, () -> view.viewModel().resultProperty().get() != null);

        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> view.showTab(1));
        await("history", 30, () -> view.historyModel().runs().size() == 2);
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> view.historyView().table().getSelectionModel().selectAll());
        await("comparison", 10, () -> view.historyModel().compared().size() == 2);
        assertThat(view.historyView().headline().getText()).contains("lr 0.01 vs 0.003");
        assertThat(view.historyModel().comparisonProperty().get().labels()).containsExactly("lr 0.01", "lr 0.003");
        assertThat(view.historyView().scatter().pointCount()).isEqualTo(2);
        assertThat(view.historyModel().runs()).extracting(RunSummary::epochsDone).allMatch(n -> n >= 4);
        DashboardScreenshots.save(scene, "dashboard-history-light");
        DashboardScreenshots.theme(scene, theme, true);
        DashboardScreenshots.save(scene, "dashboard-history-dark");
        DashboardScreenshots.theme(scene, theme, false);

        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> view.historyView().table().getSelectionModel().clearAndSelect(0));
        robot.clickOn("Open for inspection");
        assertThat(opened).containsExactly(view.historyModel().runs().get(0).folder());
    }
}
