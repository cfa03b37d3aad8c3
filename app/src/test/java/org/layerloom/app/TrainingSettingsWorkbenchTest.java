package org.layerloom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.train.DashboardPhase;
import org.layerloom.app.train.RunResult;
import org.layerloom.app.train.TrainingDashboardView;
import org.layerloom.app.ui.Area;
import org.layerloom.app.workspace.UserFolders;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.testing.TestProjects;
import org.layerloom.engine.train.RunFolder;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Train area's settings panel and "train longer" through the real window: epochs typed into the panel are
 * saved and Ctrl+Z takes them back; a finished Moons run continues from its checkpoint for more epochs, and on until
 * Stop; a run started while the run history shows brings the live charts. Screenshots of the panel, light and dark.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingSettingsWorkbenchTest {

    @TempDir
    Path dir;

    private Stage stage;
    private WorkbenchProbe probe;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture();
    private Path file;

    @Start
    void start(Stage primary) {
        stage = primary;
        window.useStage(primary);
    }

    private void launch(FxRobot robot, int epochs) {
        file = TestProjects.write(TestProjects.moons(epochs), dir.resolve("moons.loom"));
        UserFolders folders = WorkbenchFixture.folders(dir);
        AppEnvironment environment = WorkbenchFixture.environment(folders);
        probe = window.launch(environment, LaunchOptions.none().withProject(file));
        waitFor(30, () -> probe.session().file().isPresent() && !probe.busyProperty().get());
        robot.interact(() -> probe.mainWindow().show(Area.TRAIN));
    }

    private TrainingDashboardView dashboard() {
        return probe.learning().dashboard();
    }

    private static void waitFor(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.waitFor(
                    WaitForAsyncUtils.asyncFx(condition::getAsBoolean)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out", e);
        }
    }

    private int savedEpochs() {
        try {
            return ProjectFiles.load(file).training().epochs();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void epochs_set_in_the_panel_are_saved_and_ctrl_z_from_the_window_takes_them_back(FxRobot robot) throws Exception {
        launch(robot, 5);
        robot.interact(() -> dashboard().showTab("Settings"));
        TextField epochs = robot.lookup("#setting-epochs").queryAs(TextField.class);
        assertThat(epochs.getText()).isEqualTo("5");

        robot.doubleClickOn(epochs).eraseText(epochs.getText().length() + 2).write("12").type(KeyCode.ENTER);
        waitFor(10, () -> probe.session().project().training().epochs() == 12 && savedEpochs() == 12
                && !probe.session().isDirty());
        assertThat(probe.session().editor().undoManager().undoName()).contains("Set epochs to 12");

        robot.interact(() -> dashboard().requestFocus()); // out of the text field, whose Ctrl+Z undoes its typing
        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(10, () -> probe.session().project().training().epochs() == 5);
        assertThat(epochs.getText()).isEqualTo("5");
        assertThat(probe.session().isDirty()).as("the file still says 12").isTrue();

        robot.doubleClickOn(epochs).eraseText(4).write("0").type(KeyCode.ENTER);
        assertThat(robot.lookup(".setting-problem").queryAs(Label.class).getText())
                .isEqualTo("Epochs must be between 1 and 100,000.");
        assertThat(probe.session().project().training().epochs()).isEqualTo(5);

        @SuppressWarnings("unchecked")
        ComboBox<Object> optimizer = robot.lookup("#setting-optimizer").queryAs(ComboBox.class);
        robot.interact(() -> optimizer.setValue(OptimizerKind.SGD));
        waitFor(10, () -> robot.lookup("#setting-momentum").tryQuery().isPresent());
        assertThat(robot.lookup("#setting-beta1").tryQuery()).isEmpty();
        assertThat(probe.session().editor().undoManager().undoName()).contains("Set optimizer to SGD");
        assertThat(robot.lookup("#learning-rate-field").queryAs(TextField.class).getText())
                .as("the project's rate between runs").isEqualTo("0.01");

        robot.interact(() -> probe.setTheme(Theme.LIGHT));
        screenshot(probe.scene(), "training-settings-light.png");
        robot.interact(() -> probe.setTheme(Theme.DARK));
        screenshot(probe.scene(), "training-settings-dark.png");

        @SuppressWarnings("unchecked")
        ComboBox<Object> schedule = robot.lookup("#setting-schedule").queryAs(ComboBox.class);
        robot.interact(() -> schedule.setValue(org.layerloom.engine.project.ScheduleKind.COSINE));
        waitFor(10, () -> robot.lookup("#setting-min-learning-rate").tryQuery().isPresent());
        org.layerloom.app.train.settings.SchedulePlot plot = robot.lookup("#schedule-plot")
                .queryAs(org.layerloom.app.train.settings.SchedulePlot.class);
        assertThat(plot.points()).as("a falling cosine").hasSizeGreaterThan(20);
        assertThat(plot.points().get(1)).isLessThan(plot.points().get(plot.points().size() - 1));
        robot.interact(() -> ((javafx.scene.control.ScrollPane) robot.lookup(".settings-scroll").query()).setVvalue(0.9));
        screenshot(probe.scene(), "training-settings-schedule-dark.png");
        robot.interact(() -> probe.setTheme(Theme.LIGHT));
        screenshot(probe.scene(), "training-settings-schedule-light.png");
    }

    @Test
    void a_finished_run_continues_from_its_checkpoint_for_more_epochs_and_then_until_stopped(FxRobot robot)
            throws Exception {
        launch(robot, 2);
        var model = dashboard().viewModel();
        robot.interact(() -> dashboard().showTab("Run history"));
        robot.clickOn("#train-button");
        waitFor(5, () -> dashboard().shownTab().equals("Live"));
        waitFor(120, () -> model.phaseProperty().get() == DashboardPhase.FINISHED);
        RunResult first = model.resultProperty().get();
        assertThat(first.epochsDone()).isEqualTo(2);

        robot.interact(() -> dashboard().showTab("Run history"));
        robot.interact(() -> model.moreEpochsProperty().set(3));
        robot.clickOn("#continue-button");
        waitFor(5, () -> dashboard().shownTab().equals("Live"));
        waitFor(120, () -> model.phaseProperty().get() == DashboardPhase.FINISHED
                && model.resultProperty().get() != null && model.resultProperty().get() != first);
        RunResult longer = model.resultProperty().get();
        assertThat(longer.folder()).as("the same run goes on").isEqualTo(first.folder());
        assertThat(longer.epochsDone()).isEqualTo(5);
        assertThat(RunFolder.open(longer.folder()).readMetrics()).extracting(e -> e.epoch())
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(model.live().epochs()).as("the charts went on").hasSize(5);
        assertThat(Files.readString(longer.folder().resolve("manifest.json"))).contains("\"resumes\"");

        robot.clickOn(robot.lookup("#until-stopped-switch .thumb-area").queryAs(javafx.scene.Node.class));
        assertThat(model.untilStoppedProperty().get()).isTrue();
        robot.clickOn("#continue-button");
        waitFor(120, () -> model.live().epochs().size() >= 9);
        assertThat(dashboard().viewModel().live().progress().epochTextProperty().get()).contains("until you stop it");
        robot.clickOn("#stop-button");
        waitFor(120, () -> model.phaseProperty().get() == DashboardPhase.STOPPED);
        assertThat(model.resultProperty().get().epochsDone()).isGreaterThanOrEqualTo(9);
        assertThat(model.resultProperty().get().folder()).isEqualTo(first.folder());
    }

    private static void screenshot(Scene scene, String name) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        AtomicReference<javafx.scene.image.WritableImage> image = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> image.set(scene.snapshot(null))).get(10, TimeUnit.SECONDS);
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image.get(), null), "png",
                folder.resolve(name).toFile());
    }
}
