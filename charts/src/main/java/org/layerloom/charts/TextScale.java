package org.layerloom.charts;

import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * How much larger a chart draws its text than it was designed for: the CSS font size the chart inherits (the
 * window's font-size setting) over {@link #DESIGN_SIZE}, never below 1, so that tick labels, titles and legends
 * grow with the rest of the window. A hidden, unmanaged label inside the chart takes the inherited font; its
 * changes reach the listeners of {@link #property()}. One per chart; JavaFX thread only.
 */
public final class TextScale {

    /** The font size, in pixels, the charts' own text sizes were chosen for. */
    public static final double DESIGN_SIZE = 14;

    private final Label probe = new Label();
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", 1);

    /** Follows the font inherited by the node whose {@code children} list this is. */
    public TextScale(ObservableList<Node> children) {
        probe.setManaged(false);
        probe.setVisible(false);
        probe.setMouseTransparent(true);
        probe.getStyleClass().setAll(List.of("chart-text-probe"));
        probe.fontProperty().addListener((obs, was, is) -> scale.set(Math.max(1, is.getSize() / DESIGN_SIZE)));
        children.add(probe);
    }

    /** The scale now (1 at the default font size). */
    public double get() {
        return scale.get();
    }

    public ReadOnlyDoubleProperty property() {
        return scale.getReadOnlyProperty();
    }

    /** {@code px} design pixels in pixels at the current scale. */
    public double size(double px) {
        return px * scale.get();
    }
}
