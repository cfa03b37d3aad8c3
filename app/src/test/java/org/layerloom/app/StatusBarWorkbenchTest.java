package org.layerloom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Worker;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.ui.AppStatusBar;
import org.layerloom.app.ui.MirroredTask;
import org.layerloom.app.ui.RunningTask;
import org.layerloom.app.ui.TaskListView;
import org.layerloom.app.ui.WindowNotifier;
import org.layerloom.app.workspace.UserFolders;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.testing.TestProjects;
import org.layerloom.engine.train.EngineInfo;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window's status bar and notifications through the composition root: during a real short training the
 * status bar shows the epoch and the task list has a Training task, with Stop, that ends when the run ends;
 * "Use for this project", an export and a save each raise one ControlsFX notification owned by the main window,
 * in its theme. Writes the status bar, the task list and the notifications, light and dark, to
 * target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class StatusBarWorkbenchTest {

    @TempDir
    Path dir;

    private Stage stage;
    private Workbench workbench;
    private WorkbenchProbe probe;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @AfterEach
    void stop(FxRobot robot) {
        if (workbench != null) {
            robot.interact(() -> {
                probe.closeWork();
                stage.close();
            });
            workbench.shutdown();
        }
    }

    private void launch(FxRobot robot, Path project) {
        UserFolders folders = UserFolders.forHome(dir.resolve("home"), "Linux", Map.of());
        AppEnvironment environment = new AppEnvironment(folders, () -> new EngineInfo("0.35.0", "2.7.1", 0, 2),
                Clock.systemUTC());
        robot.interact(() -> {
            workbench = new LayerLoomApp().show(stage, LaunchOptions.none().withProject(project), environment);
            probe = workbench.probe();
        });
    }

    private AppStatusBar bar(FxRobot robot) {
        return robot.lookup("#app-status-bar").queryAs(AppStatusBar.class);
    }

    @Test
    void during_training_the_status_bar_shows_the_epoch_and_the_task_list_stops_the_run_and_lets_it_go_when_it_ends(
            FxRobot robot) throws Exception {
        launch(robot, TestProjects.write(TestProjects.moons(400), dir.resolve("moons.loom")));
        waitFor(() -> !probe.session().editor().graph().nodes().isEmpty());
        StatusBar bar = bar(robot);
        waitFor(() -> label(robot, "#engine-status").equals("CPU, 2 threads"));

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        robot.clickOn("#train-button");
        waitFor(() -> fx(() -> bar.getText().matches("Epoch \\d+ of 400 · batch \\d+ of \\d+.*")));
        assertThat(label(robot, "#task-list-button")).isEqualTo("1 task running");

        robot.clickOn("#task-list-button");
        waitFor(() -> fx(() -> probe.tasksWindow().stage().map(Stage::isShowing).orElse(false)));
        javafx.scene.Scene listScene = probe.tasksWindow().scene().orElseThrow();
        TaskListView list = (TaskListView) listScene.getRoot();
        MirroredTask training = fx(() -> list.view().getTasks().get(0));
        assertThat(fx(training::getTitle)).isEqualTo("Training");
        waitFor(() -> fx(() -> training.getState() == Worker.State.RUNNING));
        waitFor(() -> fx(() -> training.getMessage().startsWith("Epoch ") && training.getProgress() > 0));
        Node row = robot.from(listScene.getRoot()).lookup(".task-list-cell").match(Node::isVisible).query();
        Button stop = robot.from(row).lookup(".task-cancel-button").queryButton();
        assertThat(stop.getText()).isEqualTo("Stop");
        AppStatusBar status = bar(robot);
        save(status, "status-bar-training-light");
        save(listScene.getRoot(), "task-list-training-light");
        robot.interact(() -> probe.setTheme(Theme.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        save(status, "status-bar-training-dark");
        save(listScene.getRoot(), "task-list-training-dark");

        RunningTask run = fx(training::task);
        Node shownRow = robot.from(listScene.getRoot()).lookup(".task-list-cell").match(Node::isVisible).query();
        robot.clickOn(robot.from(shownRow).lookup(".task-cancel-button").queryButton());

        waitFor(() -> fx(() -> !probe.learning().actions().runningProperty().get()));
        waitFor(() -> fx(() -> probe.learning().dashboard().viewModel().resultProperty().get() != null));
        assertThat(fx(() -> run.endProperty().get())).isEqualTo(RunningTask.End.CANCELLED);
        waitFor(() -> fx(() -> training.getState() == Worker.State.CANCELLED));
        assertThat(fx(() -> list.view().getTasks().size())).isZero();
        assertThat(fx(bar::getText)).isEqualTo("Nothing running in the background");
        assertThat(fx(() -> probe.session().file().orElseThrow().resolveSibling("moons.runs").toFile().list()))
                .hasSize(1);
    }

    @Test
    void a_run_that_trains_to_its_end_is_a_task_until_it_has_ended(FxRobot robot) throws Exception {
        launch(robot, TestProjects.write(TestProjects.moons(3), dir.resolve("short.loom")));
        waitFor(() -> !probe.session().editor().graph().nodes().isEmpty());
        waitFor(() -> label(robot, "#engine-status").equals("CPU, 2 threads"));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);

        RunningTask run = fx(() -> {
            probe.learning().actions().start();
            return probe.tasks().running().stream().filter(t -> t.title().equals("Training")).findFirst()
                    .orElseThrow();
        });
        assertThat(fx(() -> run.cancellableProperty().get())).as("Stop is offered at once").isTrue();

        waitFor(() -> fx(() -> run.endProperty().get() != RunningTask.End.RUNNING));
        assertThat(fx(() -> run.endProperty().get())).isEqualTo(RunningTask.End.DONE);
        assertThat(fx(() -> probe.learning().dashboard().viewModel().resultProperty().get())).isNotNull();
        assertThat(fx(() -> probe.tasks().running().stream().map(RunningTask::title).toList()))
                .doesNotContain("Training");
    }

    @Test
    void use_for_this_project_an_export_and_a_save_each_raise_one_notification_owned_by_the_main_window(
            FxRobot robot) throws Exception {
        launch(robot, TestProjects.write(TestProjects.moons(3), dir.resolve("moons.loom")));
        waitFor(() -> !probe.session().editor().graph().nodes().isEmpty());

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        robot.interact(() -> robot.lookup("#data-source").<javafx.scene.control.ComboBox<String>>query()
                .setValue("circles"));
        waitFor(() -> !robot.lookup("#data-use-button").query().isDisabled());
        robot.clickOn("#data-use-button");
        waitFor(() -> notifications("Dataset in use").size() == 1);
        Window used = notifications("Dataset in use").get(0);
        assertThat(((PopupWindow) used).getOwnerWindow()).isSameAs(stage);
        assertThat(text(used)).contains("This project now learns from Circles");
        assertThat(robot.lookup("#data-confirmation").queryAs(Label.class).isVisible()).isTrue();
        assertThat(pane(used).getBackground().getFills().get(0).getFill()).as("the light panel colour")
                .isEqualTo(Color.web("#ffffff"));
        saveScene(used, "notification-use-light");

        Path picture = dir.resolve("network.png");
        robot.interact(() -> probe.setTheme(Theme.DARK));
        robot.interact(() -> probe.editor().files().exportPng(picture));
        waitFor(() -> notifications("Exported").size() == 1);
        Window exported = notifications("Exported").get(0);
        assertThat(((PopupWindow) exported).getOwnerWindow()).isSameAs(stage);
        assertThat(text(exported)).contains("network.png in " + dir);
        assertThat(Files.isRegularFile(picture)).isTrue();
        assertThat(pane(exported).getBackground().getFills().get(0).getFill()).as("the dark panel colour")
                .isEqualTo(Color.web("#1f2630"));
        saveScene(exported, "notification-export-dark");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.interact(() -> probe.session().editor().perform(
                org.layerloom.engine.graph.edit.GraphEdits.rename(probe.session().editor().graph(),
                        probe.session().editor().graph().nodes().get(1).id(), "Renamed"), "Rename"));
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitFor(() -> notifications("Saved").size() == 1);
        assertThat(text(notifications("Saved").get(0))).contains("moons.loom in " + dir);
        waitFor(() -> label(robot, "#save-status").startsWith("Project saved at "));
        assertThat(notifications("Dataset in use")).as("still one").hasSize(1);
    }

    /** The notifications showing over the main window under {@code title}. */
    private List<Window> notifications(String title) throws Exception {
        return fx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof PopupWindow p && p.getOwnerWindow() == stage && w.isShowing())
                .filter(w -> w.getScene().getRoot().lookupAll(".notification-bar").stream()
                        .anyMatch(n -> n.getStyleClass().contains(WindowNotifier.STYLE_CLASS)))
                .filter(w -> w.getScene().getRoot().lookupAll(".title").stream()
                        .anyMatch(n -> n instanceof Label l && l.getText().equals(title)))
                .toList());
    }

    private static String text(Window popup) throws Exception {
        return fx(() -> popup.getScene().getRoot().lookupAll(".label").stream()
                .filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).filter(t -> t != null)
                .reduce("", (a, b) -> a + "\n" + b));
    }

    private static Region pane(Window popup) throws Exception {
        return fx(() -> (Region) popup.getScene().getRoot().lookup(".notification-bar > .pane"));
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
    }

    private static void saveScene(Window popup, String name) {
        save(popup.getScene().getRoot(), name);
    }

    private static void save(Node node, String name) {
        Path file = Path.of("target", "screenshots", name + ".png");
        WaitForAsyncUtils.waitForAsyncFx(30_000, () -> {
            SnapshotParameters params = new SnapshotParameters();
            params.setFill(Color.TRANSPARENT);
            WritableImage image = node.snapshot(params, null);
            try {
                Files.createDirectories(file.getParent());
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
