package org.layerloom.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.concurrent.Worker;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.engine.EngineStatus;
import org.layerloom.app.ui.AppStatusBar;
import org.layerloom.app.ui.BackgroundTasks;
import org.layerloom.app.ui.KeptWindows;
import org.layerloom.app.ui.PopupLook;
import org.layerloom.app.ui.TaskListView;
import org.layerloom.app.ui.ToolWindow;
import org.layerloom.app.ui.MirroredTask;
import org.layerloom.app.ui.ProjectStatusLine;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.standard.StandardDataset;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.testing.TestProjects;
import org.layerloom.engine.train.EngineInfo;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The status bar under the Data area while MNIST downloads from a local server: it says which file, how many
 * bytes and how fast; its task button opens the task list (a ControlsFX TaskProgressView in a tool window) with the
 * download, its progress and Cancel; Cancel there stops the download and the task leaves the list. Writes the
 * status bar and the task list, light and dark, to target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class StatusBarDownloadTest {

    @TempDir
    static Path dir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService downloads = Executors.newSingleThreadExecutor();
    private final ExecutorService waiters = Executors.newCachedThreadPool();
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private HttpServer server;
    private DataChoiceViewModel model;
    private AppStatusBar bar;
    private Scene scene;
    private ToolWindow taskWindow;

    @Start
    void start(Stage stage) throws IOException {
        Path cache = Files.createDirectories(dir.resolve("cache" + System.nanoTime()));
        DataPreviewViewModel preview = new DataPreviewViewModel(DatasetRegistry.standard(), background,
                Platform::runLater);
        model = new DataChoiceViewModel(preview, GraphValidator.standard(), dir, c -> true, () -> cache,
                new DatasetDownloadViewModel(downloads, Platform::runLater));
        BackgroundTasks tasks = new BackgroundTasks();
        tasks.track(model.downloads().asTask());
        tasks.track(preview.loading(), preview.progressProperty());
        EngineStatus engine = new EngineStatus();
        engine.startLoading(() -> new EngineInfo("0.35.0", "2.7.1", 0, 2), Runnable::run, Runnable::run);
        ProjectStatusLine project = new ProjectStatusLine(
                new SimpleObjectProperty<>(Optional.of(dir.resolve("digits.loom"))), new SimpleBooleanProperty(true),
                new SimpleBooleanProperty(false), new SimpleStringProperty("Autosaved at 14:05:10"),
                java.time.Clock.systemDefaultZone());
        KeptWindows kept = new KeptWindows(key -> Optional.empty(), (key, placement) -> { },
                KeptWindows::systemScreens);
        taskWindow = new ToolWindow("Background tasks", "tasks", () -> new TaskListView(tasks, waiters), () -> stage,
                shown -> PopupLook.copy(stage, shown), kept, 560, 380);
        bar = new AppStatusBar(engine, tasks, project.textProperty(), taskWindow::show);
        BorderPane root = new BorderPane(new DataAreaView(model, PathChooser.system()));
        root.setBottom(bar);
        scene = new Scene(root, 1200, 760);
        ThemedShots.theme(scene, false);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        model.projectDidChange(TestProjects.moons(3), Optional.empty());
        model.setShown(true);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        background.shutdownNow();
        downloads.shutdownNow();
        waiters.shutdownNow();
    }

    @Test
    void a_download_shows_its_bytes_in_the_status_bar_and_is_cancelled_from_the_task_list(FxRobot robot)
            throws Exception {
        Path mnist = Path.of(System.getProperty("layerloom.datasets", "../../shared/datasets")).resolve("mnist");
        for (var file : StandardDataset.MNIST.files()) {
            served.put(file.name(), Files.readAllBytes(mnist.resolve(file.name())));
        }
        startServer();
        robot.interact(() -> robot.lookup("#data-source").<javafx.scene.control.ComboBox<String>>query()
                .setValue("mnist"));
        waitFor(() -> robot.lookup("#data-download-button").query().isVisible());
        robot.interact(() -> model.setOption("mirror", "http://127.0.0.1:" + server.getAddress().getPort() + "/"));
        assertThat(bar.getText()).isEqualTo("Nothing running in the background");
        assertThat(label(robot, "#task-list-button")).isEqualTo("Tasks");
        assertThat(label(robot, "#engine-status")).isEqualTo("CPU, 2 threads");
        assertThat(label(robot, "#save-status")).isEqualTo("Unsaved changes · autosaved at 14:05:10");

        robot.clickOn("#data-download-button");
        waitFor(() -> bar.getText().startsWith("Downloading train-images-idx3-ubyte.gz: ")
                && bar.getText().contains(" MB") && bar.getText().contains("/s") && bar.getProgress() > 0.1);
        assertThat(label(robot, "#task-list-button")).isEqualTo("1 task running");

        robot.clickOn("#task-list-button");
        waitFor(() -> taskWindow.stage().isPresent() && taskWindow.stage().get().isShowing());
        Scene listScene = taskWindow.scene().orElseThrow();
        TaskListView list = (TaskListView) listScene.getRoot();
        MirroredTask download = WaitForAsyncUtils.asyncFx(() -> list.view().getTasks().get(0)).get();
        assertThat(WaitForAsyncUtils.asyncFx(download::getTitle).get()).isEqualTo("Downloading a dataset");
        waitFor(() -> state(download) == Worker.State.RUNNING);
        Node row = robot.from(listScene.getRoot()).lookup(".task-list-cell").match(Node::isVisible).query();
        assertThat(robot.from(row).lookup(".task-title").queryAs(Label.class).getText())
                .isEqualTo("Downloading a dataset");
        assertThat(robot.from(row).lookup(".task-message").queryAs(Label.class).getText())
                .startsWith("train-images-idx3-ubyte.gz: ").contains(" of ").contains("MB").contains("/s");
        Button cancel = robot.from(row).lookup(".task-cancel-button").queryButton();
        assertThat(cancel.isVisible()).isTrue();
        assertThat(cancel.getText()).isEqualTo("Cancel");
        shots(listScene, "light");
        ThemedShots.theme(scene, true);
        robot.interact(() -> PopupLook.copy(scene.getWindow(), listScene));
        WaitForAsyncUtils.waitForFxEvents();
        shots(listScene, "dark");
        robot.interact(() -> {
            scene.getRoot().setStyle("-fx-font-size: 20px;");
            PopupLook.copy(scene.getWindow(), listScene);
        });
        WaitForAsyncUtils.waitForFxEvents();
        shots(listScene, "dark-20px");
        assertThat(robot.lookup("#save-status").queryAs(Label.class).getFont().getSize())
                .as("the status bar follows the font size").isGreaterThan(16);

        Node shownRow = robot.from(listScene.getRoot()).lookup(".task-list-cell").match(Node::isVisible).query();
        robot.clickOn(robot.from(shownRow).lookup(".task-cancel-button").queryButton());

        waitFor(() -> state(download) == Worker.State.CANCELLED);
        assertThat(label(robot, "#data-download-message")).contains("cancelled");
        assertThat(WaitForAsyncUtils.asyncFx(() -> list.view().getTasks().size()).get()).isZero();
        assertThat(bar.getText()).isEqualTo("Nothing running in the background");
        assertThat(label(robot, "#task-list-button")).isEqualTo("Tasks");
        Path part = dir.resolve("cache").resolve("mnist");
        assertThat(part.resolve("train-images-idx3-ubyte.gz")).doesNotExist();
    }

    @Test
    void a_download_that_fails_ends_its_task_failed_and_leaves_the_list(FxRobot robot) throws Exception {
        startServer(); // serves nothing: every file is missing
        robot.interact(() -> robot.lookup("#data-source").<javafx.scene.control.ComboBox<String>>query()
                .setValue("mnist"));
        waitFor(() -> robot.lookup("#data-download-button").query().isVisible());
        robot.interact(() -> model.setOption("mirror", "http://127.0.0.1:" + server.getAddress().getPort() + "/"));
        robot.clickOn("#task-list-button");
        waitFor(() -> taskWindow.stage().isPresent() && taskWindow.stage().get().isShowing());
        TaskListView list = (TaskListView) taskWindow.scene().orElseThrow().getRoot();

        java.util.List<MirroredTask> listed = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> list.view().getTasks().addListener(
                (javafx.collections.ListChangeListener<MirroredTask>) change -> {
                    while (change.next()) {
                        listed.addAll(change.getAddedSubList());
                    }
                }));

        robot.clickOn(robot.lookup("#data-download-button").<Node>query());
        waitFor(() -> !label(robot, "#data-download-message").isEmpty());
        assertThat(label(robot, "#data-download-message")).doesNotContain("cancelled");
        assertThat(listed).as("the download was listed").singleElement();
        waitFor(() -> state(listed.get(0)) == Worker.State.FAILED);
        assertThat(WaitForAsyncUtils.asyncFx(() -> list.view().getTasks().size()).get()).isZero();
        assertThat(bar.getText()).isEqualTo("Nothing running in the background");
    }

    private void shots(Scene list, String theme) {
        save(bar, "status-bar-download-" + theme);
        save(list.getRoot(), "task-list-download-" + theme);
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

    private static Worker.State state(MirroredTask task) throws Exception {
        return WaitForAsyncUtils.asyncFx(task::getState).get();
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }

    private void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath().substring(1));
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int at = 0; at < body.length; at += 65536) {
                        out.write(body, at, Math.min(65536, body.length - at));
                        Thread.sleep(60);
                    }
                } catch (IOException | InterruptedException clientWentAway) {
                    // a cancelled download closes the connection early
                }
            }
            exchange.close();
        });
        server.start();
    }
}
