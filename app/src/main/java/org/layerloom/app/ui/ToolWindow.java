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
 * scene, so theme changes reach it too). JavaFX thread only.
 */
public final class ToolWindow {

    private final String title;
    private final Supplier<Parent> content;
    private final Supplier<Window> owner;
    private final Consumer<Scene> style;
    private final double width;
    private final double height;
    private Stage stage;

    public ToolWindow(String title, Supplier<Parent> content, Supplier<Window> owner, Consumer<Scene> style,
                      double width, double height) {
        this.title = title;
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
        }
        stage.show();
        stage.toFront();
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
