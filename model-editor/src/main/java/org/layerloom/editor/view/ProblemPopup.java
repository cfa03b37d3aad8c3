package org.layerloom.editor.view;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.look.Theme;

/**
 * The card that opens when the mouse rests on a layer's problem badge: each problem in plain words
 * with its fix buttons, so a mistake can be repaired without selecting the layer first. Closes when
 * the mouse leaves it, on a click elsewhere, or once a fix is applied. JavaFX thread only.
 */
final class ProblemPopup {

    private final EditorViewModel editor;
    private final Popup popup = new Popup();
    private final VBox content = new VBox(8);
    private final java.util.function.Supplier<Theme> theme;

    /** @param theme the look the card is styled in when it opens */
    ProblemPopup(EditorViewModel editor, java.util.function.Supplier<Theme> theme) {
        this.editor = editor;
        this.theme = theme;
        popup.setAutoHide(true);
        popup.getContent().add(content);
        content.getStyleClass().add("problem-popup");
        content.setMaxWidth(340);
        content.setOnMouseExited(e -> popup.hide());
        editor.addListener(() -> {
            if (popup.isShowing()) {
                popup.hide();
            }
        });
    }

    /** Shows the problems of {@code nodeId} beside {@code anchor} (the badge). */
    void show(String nodeId, Node anchor) {
        if (editor.report().problemsFor(nodeId).isEmpty() || anchor.getScene() == null) {
            return;
        }
        content.getChildren().clear();
        for (Problem problem : editor.report().problemsFor(nodeId)) {
            VBox card = FixButtons.card(editor, problem);
            card.setPrefWidth(320);
            content.getChildren().add(card);
        }
        EditorStylesheets.applyTo(content, theme.get());
        Bounds b = anchor.localToScreen(anchor.getLayoutBounds());
        popup.show(anchor, b.getMaxX() + 4, b.getMinY() - 4);
    }

    boolean isShowing() {
        return popup.isShowing();
    }
}
