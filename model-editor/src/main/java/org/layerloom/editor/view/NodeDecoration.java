package org.layerloom.editor.view;

import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.shape.Rectangle;
import org.layerloom.editor.model.NodeGeometry;
import org.layerloom.editor.model.NodeHealthMark;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * The health overlay around one node card: its activation preview in a small framed picture under the card,
 * and a badge (with a coloured outline when it is worth a look) for its dead or saturated share. Drawn in
 * canvas units at the node's position; hidden parts cost nothing. JavaFX thread only.
 */
final class NodeDecoration extends Group {

    static final double PREVIEW_GAP = 6;
    static final double PREVIEW_MAX_HEIGHT = 64;
    private static final PseudoClass WATCH = PseudoClass.getPseudoClass("watch");
    private static final PseudoClass TROUBLE = PseudoClass.getPseudoClass("trouble");

    private final ImageView image = new ImageView();
    private final Rectangle frame = new Rectangle();
    private final Label badge = new Label();
    private final Rectangle outline = new Rectangle(-3, -3, NodeGeometry.WIDTH + 6, NodeGeometry.HEIGHT + 6);
    private WritableImage pixels;
    private FloatTensor shownPreview;

    NodeDecoration() {
        getStyleClass().add("health-decoration");
        setMouseTransparent(true);
        setManaged(false);
        image.setSmooth(false);
        image.setPreserveRatio(false);
        frame.getStyleClass().add("preview-frame");
        badge.getStyleClass().add("health-badge");
        badge.setMinHeight(18);
        badge.relocate(8, -22);
        outline.getStyleClass().add("health-outline");
        outline.setArcWidth(16);
        outline.setArcHeight(16);
        getChildren().addAll(outline, frame, image, badge);
        showPreview(null);
        showMark(null);
    }

    /** Shows {@code preview} under the card, or nothing. */
    void showPreview(FloatTensor preview) {
        boolean on = preview != null;
        image.setVisible(on);
        frame.setVisible(on);
        if (!on || preview.equals(shownPreview)) {
            return;
        }
        shownPreview = preview;
        int[] size = PreviewPainter.size(preview);
        double w = size[0];
        double h = size[1];
        double fitW = NodeGeometry.WIDTH;
        double fitH;
        if (preview.rank() == 1) {
            fitH = 14;
        } else {
            fitH = Math.min(PREVIEW_MAX_HEIGHT, fitW * h / w);
            fitW = Math.min(NodeGeometry.WIDTH, fitH * w / h);
        }
        // Painted at a whole multiple of the data size, so every value stays a crisp block when shown.
        int scale = (int) Math.max(1, Math.ceil(Math.max(fitW / w, fitH / h)));
        pixels = PreviewPainter.paint(preview, scale, pixels);
        image.setImage(pixels);
        image.setFitWidth(fitW);
        image.setFitHeight(fitH);
        double x = (NodeGeometry.WIDTH - fitW) / 2;
        double y = NodeGeometry.HEIGHT + PREVIEW_GAP;
        image.relocate(x, y);
        frame.setX(x - 3);
        frame.setY(y - 3);
        frame.setWidth(fitW + 6);
        frame.setHeight(fitH + 6);
    }

    /** Shows the badge of {@code mark}, or nothing. */
    void showMark(NodeHealthMark mark) {
        boolean on = mark != null && mark.applies();
        badge.setVisible(on);
        NodeHealthMark.Level level = on ? mark.level() : NodeHealthMark.Level.HEALTHY;
        outline.setVisible(on && level != NodeHealthMark.Level.HEALTHY);
        badge.pseudoClassStateChanged(WATCH, level == NodeHealthMark.Level.WATCH);
        badge.pseudoClassStateChanged(TROUBLE, level == NodeHealthMark.Level.TROUBLE);
        outline.pseudoClassStateChanged(WATCH, level == NodeHealthMark.Level.WATCH);
        outline.pseudoClassStateChanged(TROUBLE, level == NodeHealthMark.Level.TROUBLE);
        if (on) {
            badge.setText(mark.label());
        }
    }

    boolean previewShown() {
        return image.isVisible();
    }

    String badgeText() {
        return badge.isVisible() ? badge.getText() : "";
    }

    boolean outlined() {
        return outline.isVisible();
    }
}
