package org.layerloom.editor.view;

import javafx.scene.Parent;

/**
 * The editor's light and dark looks: one stylesheet with the layout and the light colours, and one
 * that redefines the colours for {@code .dark}. {@link #applyTo(Parent)} styles any parent (the
 * editor, or the whole window around it). JavaFX thread only.
 */
public enum EditorTheme {
    LIGHT,
    DARK;

    static final String BASE = "/org/layerloom/editor/view/editor.css";
    static final String DARK_SHEET = "/org/layerloom/editor/view/editor-dark.css";

    /** Adds the editor's stylesheets and the theme's class to {@code root}. */
    public void applyTo(Parent root) {
        String base = EditorTheme.class.getResource(BASE).toExternalForm();
        String dark = EditorTheme.class.getResource(DARK_SHEET).toExternalForm();
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
        if (this == DARK) {
            root.getStyleClass().add("dark");
        }
    }
}
