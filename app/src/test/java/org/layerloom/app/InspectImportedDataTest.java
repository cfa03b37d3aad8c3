package org.layerloom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.inspect.InspectView;
import org.layerloom.app.inspect.InspectViewModel;
import org.layerloom.app.inspect.RunSummary;
import org.layerloom.app.ui.Area;
import org.layerloom.app.workspace.UserFolders;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.project.DatasetChoice;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The blocker of issue 16 through the real window: the MNIST CNN sample gets its data from a folder the student
 * imports in the Data area (a small folder made from the real MNIST files), trains briefly, and "Open for
 * inspection" shows test samples, saliency and the error gallery from that folder, not from the project's own.
 * Then the folder moves: the Inspect area says where the data was and asks for the folder (the chooser is
 * given the new place); then a file changes: the SHA-256 mismatch is reported and nothing else is shown.
 */
@ExtendWith(ApplicationExtension.class)
class InspectImportedDataTest {

    private static final int TRAIN = 900;
    private static final int TEST = 120;

    @TempDir
    Path dir;

    private Stage stage;
    private WorkbenchProbe probe;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture();

    @Start
    void start(Stage primary) {
        stage = primary;
        window.useStage(primary);
    }

    @Test
    void inspect_loads_the_imported_folder_asks_for_it_when_moved_and_refuses_changed_files(FxRobot robot)
            throws Exception {
        Path target = Path.of("target", "inspect-imported-mnist").toAbsolutePath();
        Path folder = MnistSubset.write(target.resolve("my-mnist"), TRAIN, TEST);
        Path moved = target.resolve("moved-mnist");
        deleteFolder(moved);
        UserFolders folders = WorkbenchFixture.folders(dir);
        AppEnvironment environment = WorkbenchFixture.environment(folders);
        // The MNIST CNN sample, copied as the start screen's card copies it.
        Path sample = Files.copy(Path.of("..", "samples", "projects", "mnist-cnn.loom"), dir.resolve("mnist-cnn.loom"));
        probe = window.launch(environment, LaunchOptions.none().withProject(sample));
        waitFor(15, () -> !probe.session().editor().graph().nodes().isEmpty());

        // Data area: the folder with the four files, typed as the student does today, then "Use for this project".
        robot.clickOn("#area-data");
        TextArea options = robot.lookup("#data-options").queryAs(TextArea.class);
        robot.interact(() -> options.setText("normalize = true\npath = " + folder + "\n"));
        robot.clickOn("#data-use-button");
        waitFor(15, () -> folder.toString().equals(probe.session().project().dataset().options().get("path")));

        // Train, and stop once the first epoch has been checked.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        robot.clickOn("#train-button");
        var dashboard = probe.learning().dashboard();
        int batchesPerEpoch = (int) Math.ceil(TRAIN * 0.9 / 64);
        waitFor(120, () -> dashboard.chartedBatches() > batchesPerEpoch + 1
                || dashboard.viewModel().resultProperty().get() != null);
        if (probe.learning().actions().runningProperty().get()) {
            robot.clickOn("#stop-button");
        }
        waitFor(120, () -> dashboard.viewModel().resultProperty().get() != null);

        // Open for inspection: samples, saliency and the error gallery all come from the imported folder.
        WhenShown.click(robot, "#open-run-button");
        InspectView inspect = probe.learning().inspect();
        InspectViewModel model = inspect.model();
        settle(model);
        assertThat(probe.mainWindow().areaProperty().get()).isEqualTo(Area.INSPECT);
        RunSummary summary = model.summaryProperty().get();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(summary.dataProblem()).isEmpty();
        assertThat(summary.testCount()).as("the folder's %d test images, not MNIST's 10,000", TEST).isEqualTo(TEST);
        Dataset imported = DatasetRegistry.standard().load(DatasetRequest.of(DatasetChoice.of("mnist")
                .with("path", folder.toString()).with("normalize", true), folder, 0, 0), ProgressListener.none());
        assertThat(model.inputProperty().get().values()).as("test sample 0 of the imported folder")
                .containsExactly(imported.test().slice(0, 1).realFeatures().toArray());
        assertThat(model.explanationProperty().get().saliency()).as("saliency of that sample").isPresent();
        assertThat(model.confusionProperty().get()).isNotNull();
        int counted = java.util.Arrays.stream(model.confusionProperty().get()).flatMapToInt(java.util.Arrays::stream)
                .sum();
        assertThat(counted).as("the confusion of the folder's test images").isEqualTo(TEST);
        waitFor(60, () -> model.galleryProperty().get() != null);
        assertThat(model.galleryProperty().get().total()).isPositive();
        assertThat(robot.lookup(".prediction-headline").queryLabeled().getText()).startsWith("Predicts ");
        assertThat(model.statusProperty().get()).as("the run's status, not the gallery's")
                .contains("run " + summary.runId()).contains(TEST + " test samples");

        // The folder moves: reopening the run (as after a restart) says where the data was and asks for it.
        robot.interact(model::close);
        Files.move(folder, moved);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WhenShown.click(robot, "#open-run-button");
        settle(model);
        assertThat(model.errorProperty().get()).contains("is no longer at " + folder);
        assertThat(model.summaryProperty().get().testCount()).isZero();
        assertThat(robot.lookup(".prediction-headline").queryLabeled().getText())
                .as("no prediction of another run stays on the left").isEqualTo("No input yet.");
        Node choose = robot.lookup("#choose-data-folder").query();
        assertThat(choose.isVisible()).isTrue();
        writeScreenshots(robot, "inspect-data-moved");
        AtomicReference<Path> startedIn = new AtomicReference<>();
        robot.interact(() -> inspect.setFolderChooser((owner, start) -> {
            startedIn.set(start);
            return Optional.of(moved);
        }));
        robot.clickOn(choose);
        settle(model);
        assertThat(startedIn.get()).as("the chooser starts near the old place").isEqualTo(target);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.summaryProperty().get().testCount()).isEqualTo(TEST);
        assertThat(choose.isVisible()).isFalse();

        // A file changes: the hash mismatch is reported, and the changed data is not shown as the run's.
        Path labels = moved.resolve("t10k-labels-idx1-ubyte");
        byte[] bytes = Files.readAllBytes(labels);
        bytes[8] = (byte) ((bytes[8] + 1) % 10);
        Files.write(labels, bytes);
        robot.interact(model::close);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WhenShown.click(robot, "#open-run-button");
        settle(model);
        assertThat(model.errorProperty().get()).startsWith("The data in " + moved + " is not what run "
                + summary.runId() + " was trained on (SHA-256 of its numbers ").contains("a file was changed or replaced");
        assertThat(model.summaryProperty().get().testCount()).isZero();
        assertThat(robot.lookup("#choose-data-folder").query().isVisible()).isTrue();
        writeScreenshots(robot, "inspect-data-changed");
    }

    private void writeScreenshots(FxRobot robot, String name) throws Exception {
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> probe.applySettings(probe.settingsProperty().get().withTheme(Theme.of(dark))));
            WaitForAsyncUtils.waitForFxEvents();
            Path file = Path.of("target", "screenshots", name + (dark ? "-dark" : "-light") + ".png");
            Files.createDirectories(file.getParent());
            var image = WaitForAsyncUtils.asyncFx(() -> probe.scene().snapshot(null)).get(30, TimeUnit.SECONDS);
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        }
        robot.interact(() -> probe.applySettings(probe.settingsProperty().get().withTheme(Theme.LIGHT)));
    }

    private static void settle(InspectViewModel model) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(120, () -> model.summaryProperty().get() != null && !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        }
    }
}
