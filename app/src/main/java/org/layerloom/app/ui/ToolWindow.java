package org.layerloom.app.ui;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A secondary window (the layer reference, the network check, the keyboard shortcuts) built on first
 * use and then shown again, owned by the main window and styled like it ({@code style} receives the new
 * scene, so theme changes reach it too). Its size, position and maximised state are kept by
 * {@link KeptWindows} under its key; it is never smaller than {@link #MIN_WIDTH} × {@link #MIN_HEIGHT}.
 * JavaFX thread only.
 */
public final class ToolWindow {

    /** The smallest a tool window may be made. */
    public static final double MIN_WIDTH = 480;
    public static final double MIN_HEIGHT = 360;

    private final String title;
    private final String key;
    private final KeptWindows kept;
    private final Supplier<Parent> content;
    private final Supplier<Window> owner;
    private final Consumer<Scene> style;
    private final double width;
    private final double height;
    private Stage stage;

    /**
     * @param key           the name its placement is remembered under
     * @param width, height its size the first time it opens
     */
    public ToolWindow(String title, String key, Supplier<Parent> content, Supplier<Window> owner,
                      Consumer<Scene> style, KeptWindows kept, double width, double height) {
        this.title = title;
        this.key = key;
        this.kept = kept;
        this.content = content;
        this.owner = owner;
        this.style = style;
        this.width = width;
        this.height = height;
    }

    /** Shows the window (building it the first time) and brings it to the front. */
    public void show() {
        if (stage == null) {
            stage = new Stage();
            stage.setTitle(title + " — LayerLoom");
            Window parent = owner.get();
            if (parent != null) {
                stage.initOwner(parent);
            }
            Scene scene = new Scene(content.get(), width, height);
            style.accept(scene);
            stage.setScene(scene);
            kept.keep(stage, key, width, height, MIN_WIDTH, MIN_HEIGHT);
        }
        stage.show();
        stage.toFront();
    }

    /** The window's stage, once it was shown. */
    public Optional<Stage> stage() {
        return Optional.ofNullable(stage);
    }

    /** The window's scene, once it was shown. */
    public Optional<Scene> scene() {
        return Optional.ofNullable(stage).map(Stage::getScene);
    }

    public void close() {
        if (stage != null) {
            stage.close();
        }
    }
}
