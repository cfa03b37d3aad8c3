package org.layerloom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.workspace.UserFolders;
import org.layerloom.engine.train.EngineInfo;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Measures how long the window takes from building the app to the first frame of the start screen (the
 * target is under 2 s; the JVM and JavaFX start-up come on top, see the README). Prints the number; the
 * engine loads in the background meanwhile, so it must not hold the start screen up.
 */
@ExtendWith(ApplicationExtension.class)
class StartupTimeTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @Test
    void the_start_screen_draws_its_first_frame_without_waiting_for_the_engine(FxRobot robot) throws Exception {
        CountDownLatch engineAsked = new CountDownLatch(1);
        CountDownLatch releaseEngine = new CountDownLatch(1);
        AppEnvironment environment = new AppEnvironment(UserFolders.forHome(dir, "Linux", Map.of()), () -> {
            engineAsked.countDown();
            try {
                releaseEngine.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new EngineInfo("0.35.0", "2.7.1", 0, 1);
        }, Clock.systemUTC());
        CountDownLatch drawn = new CountDownLatch(1);
        long[] elapsed = new long[1];
        Workbench[] built = new Workbench[1];
        robot.interact(() -> {
            long begin = System.nanoTime();
            built[0] = new LayerLoomApp().show(stage, LaunchOptions.none(), environment);
            new AnimationTimer() {
                private int frames;

                @Override
                public void handle(long now) {
                    if (++frames == 2) {
                        elapsed[0] = System.nanoTime() - begin;
                        stop();
                        drawn.countDown();
                    }
                }
            }.start();
        });
        try {
            assertThat(drawn.await(20, TimeUnit.SECONDS)).isTrue();
            System.out.printf("start screen: first frames drawn %.0f ms after the app was built (engine still"
                    + " loading)%n", elapsed[0] / 1e6);
            assertThat(engineAsked.await(5, TimeUnit.SECONDS)).as("the engine loads from the start").isTrue();
            assertThat(built[0].probe().engine().stateProperty().get().name()).isEqualTo("LOADING");
            assertThat(robot.lookup("#start-screen").query().isVisible()).isTrue();
        } finally {
            releaseEngine.countDown();
            robot.interact(() -> {
                built[0].probe().closeWork();
                stage.close();
            });
            built[0].shutdown();
        }
    }
}
