package org.layerloom.editor.view;

import javafx.scene.shape.SVGPath;

/**
 * A small padlock drawn as a shape (fonts often lack the emoji), for things a teacher's assignment locks. Its
 * colour comes from the {@code lock-icon} style class. JavaFX thread only.
 */
public final class LockIcon {

    private static final String PADLOCK = "M3 7V5a4 4 0 0 1 8 0v2h1v7H2V7h1zm2 0h4V5a2 2 0 0 0-4 0v2z";

    private LockIcon() {
    }

    /** A new padlock, 14 pixels high. */
    public static SVGPath create() {
        SVGPath icon = new SVGPath();
        icon.setContent(PADLOCK);
        icon.getStyleClass().add("lock-icon");
        icon.setStyle("-fx-fill: #8a6d00;");
        return icon;
    }
}
