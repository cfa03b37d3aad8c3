package org.layerloom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.export.WeightsChoice;
import org.layerloom.app.train.DashboardPhase;
import org.layerloom.app.ui.Area;
import org.layerloom.engine.testing.TestProjects;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File &gt; Export… in the real window: after a short training, the export window offers the project's last run
 * first, exports it to ONNX beside the project, shows it in the status bar's task list while it works and checks
 * every layer (✓).
 */
@ExtendWith(ApplicationExtension.class)
class ExportWorkbenchTest {

    @TempDir
    Path dir;

    private WorkbenchProbe probe;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture();

    @Start
    void start(Stage primary) {
        window.useStage(primary);
    }

    @Test
    void file_export_exports_the_last_run_to_onnx_and_checks_it(FxRobot robot) throws Exception {
        Path file = TestProjects.write(TestProjects.moons(2), dir.resolve("moons.loom"));
        probe = window.launch(dir, LaunchOptions.none().withProject(file));
        waitFor(30, () -> probe.session().file().map(f -> f.equals(file)).orElse(false) && !probe.busyProperty().get());
        robot.interact(() -> probe.mainWindow().show(Area.TRAIN));
        robot.clickOn("#train-button");
        waitFor(120, () -> probe.learning().dashboard().viewModel().phaseProperty().get() == DashboardPhase.FINISHED);

        robot.clickOn("File").clickOn("Export Network (PyTorch, ONNX, Java)…");
        @SuppressWarnings("unchecked")
        ComboBox<WeightsChoice> weights = robot.lookup("#export-weights").queryAs(ComboBox.class);
        waitFor(30, () -> weights.getValue() != null && weights.getValue().run().isPresent());
        assertThat(weights.getValue().label()).startsWith("Last run: ");
        robot.clickOn("#export-target-onnx");
        java.util.List<String> listed = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> probe.tasks().running().addListener(
                (javafx.collections.ListChangeListener<org.layerloom.app.ui.RunningTask>) change -> {
                    while (change.next()) {
                        change.getAddedSubList().forEach(t -> listed.add(t.title()));
                    }
                }));
        robot.clickOn("#export-button");
        waitFor(120, () -> !headline(robot).isEmpty() && !headline(robot).startsWith("Exporting"));

        assertThat(headline(robot)).isEqualTo("✓ Exported and checked: every layer agrees");
        assertThat(listed).as("the status bar's task list").contains("Exporting");
        Path out = Path.of(robot.lookup("#export-folder").queryAs(javafx.scene.control.TextField.class).getText());
        assertThat(out.getParent()).isEqualTo(dir);
        assertThat(out.resolve("model.onnx")).exists();
        assertThat(robot.lookup("#export-message").queryAs(Label.class).getText()).contains("kept");
    }

    private static String headline(FxRobot robot) {
        return robot.lookup("#export-headline").queryAs(Label.class).getText();
    }

    private static void waitFor(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.waitFor(
                    WaitForAsyncUtils.asyncFx(condition::getAsBoolean)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out", e);
        }
    }
}
