package org.layerloom.editor.view;

import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import org.layerloom.engine.graph.LayerType;

/**
 * The card that follows the mouse while a layer is dragged from the palette, drawn on a
 * mouse-transparent layer above the editor. JavaFX thread only.
 */
final class DragGhost {

    private final Pane layer;
    private final Label card = new Label();

    DragGhost(Pane layer) {
        this.layer = layer;
        layer.setMouseTransparent(true);
        layer.setPickOnBounds(false);
        card.getStyleClass().add("drag-ghost");
        card.setManaged(false);
        card.setVisible(false);
        layer.getChildren().add(card);
    }

    void show(LayerType type, double sceneX, double sceneY) {
        if (!card.isVisible()) {
            card.setText(type.displayName());
            card.setGraphic(LayerIcon.of(type.category()));
            card.getStyleClass().removeIf(c -> c.startsWith("cat-"));
            card.getStyleClass().add(LayerIcon.categoryClass(type.category()));
            card.setVisible(true);
        }
        var local = layer.sceneToLocal(sceneX, sceneY);
        card.autosize();
        card.relocate(local.getX() - card.getWidth() / 2, local.getY() - card.getHeight() / 2);
    }

    boolean isShowing() {
        return card.isVisible();
    }

    void hide() {
        card.setVisible(false);
    }
}
