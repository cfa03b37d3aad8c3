package org.layerloom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.train.DashboardPhase;
import org.layerloom.app.ui.Area;
import org.layerloom.engine.assignment.Assignment;
import org.layerloom.engine.assignment.Goal;
import org.layerloom.engine.testing.TestProjects;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The assignment in the real window: before training the run goal is not yet known; after a run the Train area's
 * Assignment tab judges it on that run; File &gt; Assignment… opens the teacher's editor.
 */
@ExtendWith(ApplicationExtension.class)
class AssignmentWorkbenchTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture();

    @Start
    void start(Stage primary) {
        window.useStage(primary);
    }

    @Test
    void goals_are_judged_on_the_run_when_it_ends_and_the_teacher_view_opens_from_the_file_menu(FxRobot robot)
            throws Exception {
        Assignment assignment = new Assignment("Moons", "Separate the moons.", List.of(
                new Goal.MaxParameters(1_000), new Goal.MinTestAccuracy(0.6)), List.of());
        Path file = TestProjects.write(TestProjects.moons(3).withAssignment(Optional.of(assignment)),
                dir.resolve("moons.loom"));
        WorkbenchProbe probe = window.launch(dir, LaunchOptions.none().withProject(file));
        waitFor(30, () -> probe.session().file().map(f -> f.equals(file)).orElse(false) && !probe.busyProperty().get());
        waitFor(30, () -> summary(robot).equals("1 of 2 goals met"));

        robot.interact(() -> probe.mainWindow().show(Area.TRAIN));
        robot.clickOn("#train-button");
        waitFor(120, () -> probe.learning().dashboard().viewModel().phaseProperty().get() == DashboardPhase.FINISHED);
        waitFor(30, () -> summary(robot).equals("2 of 2 goals met"));

        robot.clickOn("File").clickOn("Assignment…");
        waitFor(30, () -> robot.lookup("#assignment-title").tryQuery().isPresent());
        assertThat(robot.lookup("#assignment-title").queryTextInputControl().getText()).isEqualTo("Moons");
    }

    private static String summary(FxRobot robot) {
        return robot.lookup("#goals-summary").tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    private static void waitFor(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.waitFor(
                    WaitForAsyncUtils.asyncFx(condition::getAsBoolean)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s", e);
        }
    }
}
