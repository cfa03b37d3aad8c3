package org.layerloom.app.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Styles a test's scene in the light or dark theme as the app does, and saves it to target/screenshots. */
public final class ThemedShots {

    private static final String LIGHT = "/org/layerloom/app/ui/layerloom.css";
    private static final String DARK = "/org/layerloom/app/ui/layerloom-dark.css";

    private ThemedShots() {
    }

    /** LayerLoom's stylesheets and the root's theme class for the light ({@code dark} false) or dark theme. */
    public static void theme(Scene scene, boolean dark) {
        WaitForAsyncUtils.waitForAsyncFx(30_000, () -> {
            scene.getStylesheets().setAll(ThemedShots.class.getResource(LIGHT).toExternalForm());
            if (dark) {
                scene.getStylesheets().add(ThemedShots.class.getResource(DARK).toExternalForm());
            }
            scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
            scene.getRoot().getStyleClass().add(dark ? "theme-dark" : "theme-light");
        });
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Saves the scene as target/screenshots/NAME.png. */
    public static Path save(Scene scene, String name) {
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
