package org.layerloom.app.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.layerloom.engine.look.Theme;
import org.testfx.util.WaitForAsyncUtils;

/** Writes PNG pictures of a test's scene to target/screenshots and switches its theme as the app does. */
final class DashboardScreenshots {

    static final String LIGHT = "/org/layerloom/app/ui/layerloom.css";
    static final String DARK = "/org/layerloom/app/ui/layerloom-dark.css";

    private DashboardScreenshots() {
    }

    /**
     * Styles the scene in the light or dark theme (LayerLoom's stylesheets and the root's theme class) and sets
     * that theme in {@code theme}, which the views under test follow.
     */
    static void theme(Scene scene, ObjectProperty<Theme> theme, boolean dark) {
        WaitForAsyncUtils.waitForAsyncFx(30_000, () -> {
            theme.set(Theme.of(dark));
            scene.getStylesheets().setAll(DashboardScreenshots.class.getResource(LIGHT).toExternalForm());
            if (dark) {
                scene.getStylesheets().add(DashboardScreenshots.class.getResource(DARK).toExternalForm());
            }
            scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
            scene.getRoot().getStyleClass().add(dark ? "theme-dark" : "theme-light");
        });
        WaitForAsyncUtils.sleep(400, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Saves the scene as target/screenshots/NAME.png. */
    static Path save(Scene scene, String name) {
        Path file = Path.of("target", "screenshots", name + ".png");
        WaitForAsyncUtils.waitForAsyncFx(30_000, () -> {
            WritableImage image = scene.snapshot(null);
            try {
                Files.createDirectories(file.getParent());
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return file;
    }
}
