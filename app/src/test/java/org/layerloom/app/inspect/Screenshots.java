package org.layerloom.app.inspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.ObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.layerloom.engine.look.Theme;
import org.testfx.util.WaitForAsyncUtils;

/** Writes a scene's snapshot to {@code target/screenshots/NAME.png}, and switches a scene's theme as the app does. */
final class Screenshots {

    static final String LIGHT = "/org/layerloom/app/ui/layerloom.css";
    static final String DARK = "/org/layerloom/app/ui/layerloom-dark.css";

    private Screenshots() {
    }

    static Path write(Scene scene, String name) throws IOException, ExecutionException, InterruptedException,
            TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return scene.snapshot(null);
        }).get(30, TimeUnit.SECONDS);
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        return file;
    }

    /**
     * The app's stylesheets and root style class for the light or dark theme (as Appearance sets them), and
     * that theme in {@code theme}, which the views under test follow.
     */
    static void theme(Scene scene, ObjectProperty<Theme> theme, boolean dark) {
        theme.set(Theme.of(dark));
        scene.getStylesheets().setAll(Screenshots.class.getResource(LIGHT).toExternalForm());
        if (dark) {
            scene.getStylesheets().add(Screenshots.class.getResource(DARK).toExternalForm());
        }
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add(dark ? "theme-dark" : "theme-light");
    }
}
