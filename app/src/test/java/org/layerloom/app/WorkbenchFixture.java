package org.layerloom.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.layerloom.app.workspace.UserFolders;
import org.layerloom.engine.train.EngineInfo;
import org.testfx.api.FxRobot;

/**
 * The real main window for a TestFX test: the {@link Workbench} shown on TestFX's primary stage, for a user whose
 * home is a temporary folder, with a stand-in for the engine's version line (the engine itself is real). Closes the
 * window as the student would after each test, so that the next test finds the primary stage free. Register it
 * with {@code @RegisterExtension} and hand it the stage from the test's {@code @Start}. Test thread; the window is
 * built and closed on the JavaFX thread.
 */
final class WorkbenchFixture implements AfterEachCallback {

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private Workbench workbench;
    private WorkbenchProbe probe;

    /** The user folders under {@code dir}/home, on Linux. */
    static UserFolders folders(Path dir) {
        return UserFolders.forHome(dir.resolve("home"), "Linux", Map.of());
    }

    /** What the app knows of the machine for a user with {@code folders}. */
    static AppEnvironment environment(UserFolders folders) {
        return new AppEnvironment(folders, () -> new EngineInfo("0.35.0", "2.7.1", 0, 2), Clock.systemUTC());
    }

    /** Call from the test's {@code @Start}: the stage the window is shown on. */
    void useStage(Stage primary) {
        stage = primary;
    }

    /** Shows the window for a user whose home is {@code dir}/home, with {@code options}; returns its probe. */
    WorkbenchProbe launch(Path dir, LaunchOptions options) {
        return launch(environment(folders(dir)), options);
    }

    /** Shows the window with {@code options} in {@code environment}; returns its probe. */
    WorkbenchProbe launch(AppEnvironment environment, LaunchOptions options) {
        robot.interact(() -> {
            workbench = new LayerLoomApp().show(stage, options, environment);
            probe = workbench.probe();
        });
        return probe;
    }

    /** Closes the window as the student does (its work is settled first), ending its background threads. */
    void close() {
        if (workbench == null) {
            return;
        }
        robot.interact(() -> {
            probe.closeWork();
            stage.close();
        });
        workbench.shutdown();
        workbench = null;
    }

    /** Ends the window's background threads without closing its work, as when it dies (its recovery file stays). */
    void abandon() {
        workbench.shutdown();
        workbench = null;
    }

    WorkbenchProbe probe() {
        return probe;
    }

    Stage stage() {
        return stage;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
