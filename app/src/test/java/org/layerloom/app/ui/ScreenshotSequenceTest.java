package org.layerloom.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The screenshots command's engine: steps run in order, each waits for the busy flag, every PNG is written. */
@ExtendWith(ApplicationExtension.class)
class ScreenshotSequenceTest {

    @TempDir
    Path dir;

    private Scene scene;
    private Label label;

    @Start
    void start(Stage stage) {
        label = new Label("first");
        scene = new Scene(new StackPane(label), 320, 200);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void each_step_is_prepared_waited_for_and_written_before_the_next(FxRobot robot) throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        SimpleBooleanProperty busy = new SimpleBooleanProperty(true);
        CountDownLatch done = new CountDownLatch(1);
        List<ScreenshotSequence.Step> steps = List.of(
                new ScreenshotSequence.Step(() -> order.add("a"), () -> scene, dir.resolve("a.png")),
                new ScreenshotSequence.Step(() -> {
                    order.add("b:" + Files.isRegularFile(dir.resolve("a.png")));
                    label.setText("second");
                }, () -> scene, dir.resolve("b.png")));
        robot.interact(() -> new ScreenshotSequence(steps, busy, done::countDown).start());
        Thread.sleep(300);
        assertThat(Files.exists(dir.resolve("a.png"))).as("nothing is written while busy").isFalse();

        robot.interact(() -> busy.set(false));

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("a", "b:true");
        assertThat(javax.imageio.ImageIO.read(dir.resolve("b.png").toFile()).getWidth()).isEqualTo(320);
    }
}
