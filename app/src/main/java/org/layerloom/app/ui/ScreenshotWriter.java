package org.layerloom.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Renders a scene to a PNG file once the window has settled (nothing is loading, and a few frames
 * have been drawn), then runs {@code whenDone}. Single use; JavaFX thread only.
 */
public final class ScreenshotWriter {

    private static final int SETTLE_FRAMES = 5;
    private static final System.Logger LOG = System.getLogger(ScreenshotWriter.class.getName());

    private final Scene scene;
    private final Path target;
    private final ObservableBooleanValue busy;
    private final Runnable whenDone;

    public ScreenshotWriter(Scene scene, Path target, ObservableBooleanValue busy, Runnable whenDone) {
        this.scene = scene;
        this.target = target;
        this.busy = busy;
        this.whenDone = whenDone;
    }

    public void start() {
        new AnimationTimer() {
            private int quietFrames;

            @Override
            public void handle(long now) {
                quietFrames = busy.get() ? 0 : quietFrames + 1;
                if (quietFrames >= SETTLE_FRAMES) {
                    stop();
                    write();
                    whenDone.run();
                }
            }
        }.start();
    }

    private void write() {
        WritableImage image = scene.snapshot(null);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", target.toFile());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "Could not write the screenshot " + target + ": " + e.getMessage());
        }
    }
}
