package org.layerloom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.inspect.InspectViewModel;
import org.layerloom.app.train.DashboardPhase;
import org.layerloom.app.train.RunResult;
import org.layerloom.app.train.TrainingDashboardViewModel;
import org.layerloom.app.ui.Area;
import org.layerloom.app.workspace.UserFolders;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.testing.TestProjects;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * No stale state across projects, through the real window: after training project A, opening project B (or a new
 * one) leaves nothing of A in the Train area's progress line, charts and result, the coach, the training health (tab and
 * canvas overlay) or Inspect; reopening A
 * brings back its run history and its last run, in Train and in Inspect.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectSwitchWorkbenchTest {

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
    void another_project_shows_nothing_of_the_last_and_reopening_brings_its_last_run_back(FxRobot robot)
            throws Exception {
        Path a = TestProjects.write(TestProjects.moons(2), dir.resolve("a.loom"));
        Path b = TestProjects.write(TestProjects.moons(3), dir.resolve("b.loom"));
        UserFolders folders = WorkbenchFixture.folders(dir);
        AppEnvironment environment = WorkbenchFixture.environment(folders);
        probe = window.launch(environment, LaunchOptions.none().withProject(a));
        waitFor(30, () -> opened(a));
        robot.interact(() -> probe.mainWindow().show(Area.TRAIN));
        TrainingDashboardViewModel train = probe.learning().dashboard().viewModel();
        InspectViewModel inspect = probe.learning().inspect().model();

        robot.clickOn("#train-button");
        waitFor(120, () -> train.phaseProperty().get() == DashboardPhase.FINISHED);
        RunResult trained = train.resultProperty().get();
        assertThat(train.live().progress().etaTextProperty().get()).isEqualTo("done");
        assertThat(train.live().epochs()).hasSize(2);
        assertThat(probe.learning().coach().model().progress()).startsWith("epoch 2");
        assertThat(probe.learning().health().model().captureCount()).as("A's training health").isPositive();
        assertThat(probe.editor().healthOverlay().holdsRunData()).as("A's health on the canvas").isTrue();
        robot.interact(() -> probe.learning().inspect().openRun(trained.folder()));
        waitFor(60, () -> inspect.summaryProperty().get() != null);

        robot.interact(() -> probe.openProject(b));
        waitFor(30, () -> opened(b));
        waitFor(10, () -> probe.learning().dashboard().historyModel().runsRoot() != null
                && probe.learning().dashboard().historyModel().runsRoot().endsWith("b.runs"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(train.phaseProperty().get()).isEqualTo(DashboardPhase.IDLE);
        assertThat(train.resultProperty().get()).as("A's result").isNull();
        assertThat(train.live().epochs()).as("A's curves").isEmpty();
        assertThat(train.live().progress().epochTextProperty().get()).isEqualTo("Epoch –");
        assertThat(train.live().progress().etaTextProperty().get()).isEqualTo("–");
        assertThat(train.live().progress().fractionProperty().get()).isZero();
        assertThat(train.live().bestTextProperty().get()).isEmpty();
        assertThat(probe.learning().coach().model().cards()).isEmpty();
        assertThat(probe.learning().health().model().captureCount()).as("A's training health").isZero();
        assertThat(probe.editor().healthOverlay().holdsRunData()).as("A's health on B's canvas").isFalse();
        assertThat(probe.learning().coach().model().progress()).isEmpty();
        assertThat(inspect.summaryProperty().get()).as("A's run in Inspect").isNull();
        assertThat(inspect.runFolder()).isNull();
        assertThat(inspect.statusProperty().get()).doesNotContain(trained.folder().getFileName().toString());
        assertThat(probe.learning().dashboard().historyModel().runs()).isEmpty();
        robot.interact(() -> {
            probe.setTheme(Theme.LIGHT);
            probe.mainWindow().show(Area.TRAIN);
        });
        screenshot(probe.scene(), "project-switch-other-light.png");

        robot.interact(() -> probe.openProject(a));
        waitFor(30, () -> opened(a));
        waitFor(30, () -> train.resultProperty().get() != null && inspect.summaryProperty().get() != null
                && probe.learning().dashboard().historyModel().runs().size() == 1);
        RunResult back = train.resultProperty().get();
        assertThat(back.folder()).isEqualTo(trained.folder());
        assertThat(back.epochsDone()).isEqualTo(2);
        assertThat(back.test().accuracy()).isEqualTo(trained.test().accuracy());
        assertThat(back.test().confusion()).isDeepEqualTo(trained.test().confusion());
        assertThat(train.phaseProperty().get()).isEqualTo(DashboardPhase.IDLE);
        assertThat(train.live().epochs()).as("its curves").hasSize(2);
        assertThat(train.live().progress().epochTextProperty().get()).isEqualTo("Epoch 2 of 2");
        assertThat(inspect.runFolder()).isEqualTo(trained.folder().toAbsolutePath().normalize());
        assertThat(probe.learning().dashboard().historyModel().runs().get(0).folder().getFileName())
                .isEqualTo(trained.folder().getFileName());
        robot.interact(() -> probe.mainWindow().show(Area.TRAIN));
        screenshot(probe.scene(), "project-switch-back-light.png");
        robot.interact(() -> probe.setTheme(Theme.DARK));
        screenshot(probe.scene(), "project-switch-back-dark.png");

        robot.interact(() -> probe.session().openEmpty());
        waitFor(10, () -> probe.session().file().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(train.resultProperty().get()).as("a new project has no runs").isNull();
        assertThat(inspect.summaryProperty().get()).isNull();
    }

    @Test
    void the_coach_cards_of_a_run_still_training_in_another_project_hold_their_buttons(FxRobot robot)
            throws Exception {
        Path a = TestProjects.write(TestProjects.moons(500), dir.resolve("a.loom"));
        Path b = TestProjects.write(TestProjects.moons(3), dir.resolve("b.loom"));
        probe = window.launch(dir, LaunchOptions.none().withProject(a));
        waitFor(30, () -> opened(a));
        robot.interact(() -> probe.mainWindow().show(Area.TRAIN));
        TrainingDashboardViewModel train = probe.learning().dashboard().viewModel();
        var coach = probe.learning().coach().model();
        robot.clickOn("#train-button");
        waitFor(60, () -> train.phaseProperty().get() == DashboardPhase.RUNNING && !coach.progress().isEmpty());

        robot.interact(() -> probe.openProject(b));
        waitFor(30, () -> opened(b));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(train.phaseProperty().get().isActive()).as("A's run goes on").isTrue();
        assertThat(coach.heldBecause()).contains("a.loom").contains("still training");
        robot.interact(() -> probe.mainWindow().show(Area.TRAIN));
        assertThat(robot.lookup("#coach-held").tryQuery()).isPresent();

        robot.interact(() -> probe.openProject(a));
        waitFor(30, () -> opened(a));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(coach.heldBecause()).as("back on the run's own project").isEmpty();
        assertThat(robot.lookup("#coach-held").tryQuery()).isEmpty();
        robot.interact(() -> probe.mainWindow().show(Area.TRAIN));
        WhenShown.click(robot, "#stop-button");
        waitFor(30, () -> !train.phaseProperty().get().isActive());
        assertThat(train.phaseProperty().get()).isEqualTo(DashboardPhase.STOPPED);
    }

    private static void screenshot(javafx.scene.Scene scene, String name) throws Exception {
        Path folder = java.nio.file.Files.createDirectories(Path.of("target", "screenshots"));
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> image =
                new java.util.concurrent.atomic.AtomicReference<>();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> image.set(scene.snapshot(null))).get(10, TimeUnit.SECONDS);
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image.get(), null), "png",
                folder.resolve(name).toFile());
    }

    private boolean opened(Path file) {
        // The session's own reading, not every background task: a training keeps the task list busy.
        return probe.session().file().map(f -> f.equals(file)).orElse(false)
                && !probe.session().readingProperty().get();
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
