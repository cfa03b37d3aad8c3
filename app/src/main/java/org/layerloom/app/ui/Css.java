package org.layerloom.app.ui;

import javafx.scene.Node;

/** Adds style classes of layerloom.css to nodes as they are built. Stateless; JavaFX thread. */
public final class Css {

    private Css() {
    }

    public static <T extends Node> T styled(T node, String... styleClasses) {
        node.getStyleClass().addAll(styleClasses);
        return node;
    }
}
