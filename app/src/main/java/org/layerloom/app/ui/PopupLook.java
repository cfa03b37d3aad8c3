package org.layerloom.app.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Gives a popup window (a notification) the look of the window it belongs to: that scene's stylesheets (the
 * light theme, and the dark palette when chosen), its root's theme class and its root's font size, which a
 * popup's scene does not inherit. Stateless; JavaFX thread only.
 */
public final class PopupLook {

    private PopupLook() {
    }

    /** Styles {@code popup}'s scene as {@code owner}'s, as they are now. */
    public static void copy(Window owner, Window popup) {
        copy(owner, popup == null ? null : popup.getScene());
    }

    /** Styles the scene {@code to} of a popup as {@code owner}'s scene, as it is now. */
    public static void copy(Window owner, Scene to) {
        Scene from = owner == null ? null : owner.getScene();
        if (from == null || to == null || from == to) {
            return;
        }
        to.getStylesheets().setAll(from.getStylesheets());
        Parent source = from.getRoot();
        Parent target = to.getRoot();
        target.getStyleClass().removeIf(c -> c.startsWith("theme-"));
        source.getStyleClass().stream().filter(c -> c.startsWith("theme-")).forEach(target.getStyleClass()::add);
        target.setStyle(source.getStyle());
    }
}
