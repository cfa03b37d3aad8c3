package org.layerloom.editor.view;

import javafx.scene.Parent;

/** Whether a node sits inside the dark theme, for what is drawn in code. Stateless; JavaFX thread. */
final class DarkTheme {

    private DarkTheme() {
    }

    static boolean isOn(javafx.scene.Node node) {
        Parent p = node instanceof Parent parent ? parent : node.getParent();
        while (p != null) {
            if (p.getStyleClass().contains("dark")) {
                return true;
            }
            p = p.getParent();
        }
        return false;
    }
}
