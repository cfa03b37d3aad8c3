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
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerloom.app.WhenShown;
import org.layerloom.app.fx.EventPump;
import org.layerloom.app.train.step.WorkedUpdate;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.train.event.BatchStepped;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.WeightStep;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Steps through a real training of the spirals sample from the dashboard as a student would: Step with no run on
 * starts one that pauses after its first batch, and the Step tab shows the worked update with the engine's numbers;
 * clicking a weight's cell picks it, and the next Step shows that weight. Saves the step view, light and dark, to
 * target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class StepViewTest {

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final EventPump<TrainingEvent> pump = new EventPump<>();
    private final AtomicReference<TrainableProject> project = new AtomicReference<>();
    private final List<BatchStepped> stepped = new CopyOnWriteArrayList<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "step-test-background");
        t.setDaemon(true);
        return t;
    });
    private TrainingDashboardView view;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("step-test");
        Path file = dir.resolve("spirals.loom");
        Files.copy(Path.of("../samples/projects/spirals.loom"), file);
        project.set(new TrainableProject(ProjectFiles.load(file), file));
        view = new TrainingDashboardView(pump, project::get, background, folder -> { }, null, theme);
        pump.subscribe(events -> events.stream().filter(BatchStepped.class::isInstance)
                .forEach(e -> stepped.add((BatchStepped) e)));
        scene = new Scene(view, 1280, 800);
        DashboardScreenshots.theme(scene, theme, false);
        stage.setScene(scene);
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

    private static void await(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.waitFor(
                WaitForAsyncUtils.asyncFx(condition::getAsBoolean)));
    }

    private DashboardPhase phase() {
        return view.viewModel().phaseProperty().get();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void step_trains_one_batch_pauses_and_shows_the_engines_update_of_the_weight_picked(FxRobot robot)
            throws Exception {
        assertThat(robot.lookup("#step-placeholder").queryAs(Label.class).isVisible()).isTrue();
        robot.clickOn("#step-button");
        await(120, () -> phase() == DashboardPhase.PAUSED && view.viewModel().steps().lastProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.shownTab()).isEqualTo("Step");
        assertThat(view.chartedBatches()).isEqualTo(1);
        BatchStepped first = stepped.get(0);
        WeightStep weight = first.weight();
        assertThat(first.step()).isEqualTo(1);
        assertThat(text(robot, "#step-title")).startsWith("Step 1 · epoch 1, batch 1 · ");
        assertThat(text(robot, "#step-before")).isEqualTo("w = " + WorkedUpdate.number(weight.valueBefore()));
        assertThat(text(robot, "#step-gradient")).startsWith("g = ∂L/∂w = " + WorkedUpdate.number(weight.gradient()));
        assertThat(text(robot, "#step-after")).startsWith("w′ = " + WorkedUpdate.number(weight.valueAfter()));
        assertThat(text(robot, "#step-loss")).startsWith(WorkedUpdate.number(first.lossBefore()) + " → "
                + WorkedUpdate.number(first.lossAfter()));
        VBox lines = robot.lookup("#step-lines").queryAs(VBox.class);
        List<String> expected = WorkedUpdate.lines(weight).stream().map(WorkedUpdate.Line::text).toList();
        assertThat(lines.getChildren()).extracting(n -> ((Label) n).getText()).containsExactlyElementsOf(expected);
        assertThat(expected.get(expected.size() - 1)).endsWith(" = " + WorkedUpdate.number(weight.valueAfter()));

        // The first parameter is a Dense weight [units, inputs]: click unit 3's weight from input 1.
        assertThat(first.parameters().values().iterator().next()).hasSize(2);
        WhenShown.click(robot, "#weight-cell-1-3"); // inputs down, units across
        assertThat(text(robot, "#step-hint")).isEqualTo("The next step shows the weight you chose.");
        robot.clickOn("#step-button");
        await(60, () -> stepped.size() == 2 && phase() == DashboardPhase.PAUSED
                && view.viewModel().steps().lastProperty().get() == stepped.get(1));
        WaitForAsyncUtils.waitForFxEvents();

        BatchStepped second = stepped.get(1);
        assertThat(second.step()).isEqualTo(2);
        assertThat(second.weight().parameter()).isEqualTo(weight.parameter());
        assertThat(second.weight().index()).containsExactly(3, 1);
        assertThat(view.chartedBatches()).isEqualTo(2);
        assertThat(text(robot, "#step-weight")).isEqualTo("Hidden 1 · weight [unit 3, input 1]");
        assertThat(text(robot, "#step-after")).startsWith("w′ = " + WorkedUpdate.number(second.weight().valueAfter()));
        System.out.println("Step view: " + second.weight().optimizer() + " " + text(robot, "#step-weight") + "\n  "
                + String.join("\n  ", WorkedUpdate.lines(second.weight()).stream().map(WorkedUpdate.Line::text)
                .toList()));
        DashboardScreenshots.save(scene, "step-view-light");
        DashboardScreenshots.theme(scene, theme, true);
        DashboardScreenshots.save(scene, "step-view-dark");
        DashboardScreenshots.theme(scene, theme, false);

        robot.clickOn("#stop-button");
        await(90, () -> view.viewModel().resultProperty().get() != null);
        assertThat(view.chartedBatches()).isEqualTo(2);
    }
}
