package org.layerloom.editor.view;

import javafx.scene.layout.BorderPane;

/**
 * The editor with its menu bar above it, the root of the editor UI tests' windows (the app puts the same
 * pieces in its own window). Test code only; JavaFX thread only.
 */
final class EditorWindow extends BorderPane {

    EditorWindow(EditorPane pane) {
        setTop(pane.menuBar());
        setCenter(pane);
        pane.themeProperty().addListener((obs, was, is) -> EditorStylesheets.applyTo(this, is));
        EditorStylesheets.applyTo(this, pane.themeProperty().get());
    }
}
