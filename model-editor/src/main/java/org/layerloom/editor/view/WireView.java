package org.layerloom.editor.view;

import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import org.layerloom.engine.graph.Wire;

/**
 * One wire on the canvas: a curve from an output port to an input port, a wider invisible curve that
 * makes it easy to click, and a label with the tensor shape in the middle (hidden when the wire is
 * too short for it). JavaFX thread only.
 */
final class WireView extends Group {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final Wire wire;
    private final CubicCurve curve = new CubicCurve();
    private final CubicCurve hit = new CubicCurve();
    private final Label label = new Label();
    private boolean detail = true;
    private double x1;
    private double y1;
    private double x2;
    private double y2;

    WireView(Wire wire) {
        this.wire = wire;
        getStyleClass().add("wire");
        curve.getStyleClass().add("wire-line");
        curve.setFill(null);
        curve.setMouseTransparent(true);
        hit.getStyleClass().add("wire-hit");
        hit.setFill(null);
        hit.setStroke(Color.TRANSPARENT);
        hit.setStrokeWidth(12);
        label.getStyleClass().add("wire-label");
        label.setMouseTransparent(true);
        label.setManaged(false);
        getChildren().addAll(hit, curve, label);
    }

    /** Whether the shape label may show (not when zoomed far out). */
    void setDetail(boolean on) {
        detail = on;
        placeLabel();
    }

    Wire wire() {
        return wire;
    }

    String labelText() {
        return label.getText();
    }

    boolean labelShown() {
        return label.isVisible() && !label.getText().isEmpty();
    }

    private String lastShape;
    private boolean lastSelected;
    private boolean lastError;

    void updateIfChanged(String shape, boolean selected, boolean error) {
        if (shape.equals(lastShape) && selected == lastSelected && error == lastError) {
            return;
        }
        lastShape = shape;
        lastSelected = selected;
        lastError = error;
        update(shape, selected, error);
    }

    void update(String shape, boolean selected, boolean error) {
        label.setText(shape);
        pseudoClassStateChanged(SELECTED, selected);
        pseudoClassStateChanged(ERROR, error);
        placeLabel();
    }

    /**
     * Colours the line by gradient norm (inline style, above the theme's), or back to normal with null. The
     * style is set only when it changed, since every setting is parsed as CSS.
     */
    void showGradient(Color colour, double width) {
        String style = colour == null ? "" : "-fx-stroke: " + HealthColours.web(colour) + "; -fx-stroke-width: "
                + String.format(java.util.Locale.ROOT, "%.1f", width) + ";";
        if (!style.equals(curve.getStyle())) {
            curve.setStyle(style);
        }
    }

    /** The inline style of the line ("" when it is not coloured by gradient), for tests. */
    String gradientStyle() {
        return curve.getStyle();
    }

    void setEnds(double startX, double startY, double endX, double endY) {
        x1 = startX;
        y1 = startY;
        x2 = endX;
        y2 = endY;
        double bend = Math.max(40, Math.abs(endX - startX) / 2);
        for (CubicCurve c : new CubicCurve[] {curve, hit}) {
            c.setStartX(startX);
            c.setStartY(startY);
            c.setControlX1(startX + bend);
            c.setControlY1(startY);
            c.setControlX2(endX - bend);
            c.setControlY2(endY);
            c.setEndX(endX);
            c.setEndY(endY);
        }
        placeLabel();
    }

    private void placeLabel() {
        String text = label.getText();
        double width = text.length() * 6.6 + 14;
        double length = Math.hypot(x2 - x1, y2 - y1);
        label.setVisible(detail && !text.isEmpty() && length > width + 8);
        label.resize(width, 18);
        label.relocate((x1 + x2) / 2 - width / 2, (y1 + y2) / 2 - 9);
    }
}
