package org.layerloom.editor.view;

import javafx.scene.Parent;
import org.layerloom.engine.look.Theme;

/**
 * The editor's stylesheets in either {@link Theme}: one with the layout and the light colours, and one that
 * redefines the colours for {@code .dark}. {@link #applyTo} styles any parent (the editor, a popup, or the
 * whole window around it). Stateless; JavaFX thread only.
 */
public final class EditorStylesheets {

    static final String BASE = "/org/layerloom/editor/view/editor.css";
    static final String DARK_SHEET = "/org/layerloom/editor/view/editor-dark.css";

    private EditorStylesheets() {
    }

    /** Adds the editor's stylesheets to {@code root}, and the {@code dark} class in the dark theme. */
    public static void applyTo(Parent root, Theme theme) {
        String base = EditorStylesheets.class.getResource(BASE).toExternalForm();
        String dark = EditorStylesheets.class.getResource(DARK_SHEET).toExternalForm();
        if (!root.getStylesheets().contains(base)) {
            root.getStylesheets().add(base);
        }
        if (!root.getStylesheets().contains(dark)) {
            root.getStylesheets().add(dark);
        }
        if (!root.getStyleClass().contains("editor-root")) {
            root.getStyleClass().add("editor-root");
        }
        root.getStyleClass().remove("dark");
        if (theme.isDark()) {
            root.getStyleClass().add("dark");
        }
    }
}
