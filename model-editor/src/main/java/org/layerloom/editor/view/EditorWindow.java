package org.layerloom.editor.view;

import javafx.scene.layout.BorderPane;

/**
 * The editor with its menu bar above it, ready to be a window's root (the app puts the same pieces in
 * its own window). JavaFX thread only.
 */
public final class EditorWindow extends BorderPane {

    private final EditorPane pane;

    public EditorWindow(EditorPane pane) {
        this.pane = pane;
        setTop(pane.menuBar());
        setCenter(pane);
        pane.themeProperty().addListener((obs, was, is) -> EditorStylesheets.applyTo(this, is));
        EditorStylesheets.applyTo(this, pane.themeProperty().get());
    }

    public EditorPane pane() {
        return pane;
    }
}
