package org.layerloom.charts.histogram;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.layerloom.charts.CanvasChart;

/**
 * A {@link CanvasChart} with a title above a plot area inside margins: redrawn in full when its size,
 * title, colours or data change (data setters draw once per call, so feed them in batches). Subclasses draw
 * the plot inside {@link #plotLeft()}..{@link #plotRight()} × {@link #plotTop()}..{@link #plotBottom()}.
 * JavaFX thread only.
 */
abstract class TitledChart extends CanvasChart {

    /** The title's font, growing with the window's font size. */
    final Font titleFont() {
        return Font.font("System", FontWeight.BOLD, 13 * textScale());
    }

    /** The tick labels' font, growing with the window's font size. */
    final Font tickFont() {
        return Font.font("System", 11 * textScale());
    }

    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private double left = 56;
    private double right = 12;
    private double top = 28;
    private double bottom = 30;

    TitledChart() {
        title.addListener((obs, was, is) -> redraw());
        setMinSize(160, 100);
        setPrefSize(420, 220);
    }

    /** The heading drawn above the plot. */
    public final StringProperty titleProperty() {
        return title;
    }

    final void setMargins(double left, double right, double top, double bottom) {
        this.left = left;
        this.right = right;
        this.top = top;
        this.bottom = bottom;
    }

    final double plotLeft() {
        return left * textScale();
    }

    final double plotRight() {
        return getWidth() - right;
    }

    final double plotTop() {
        return top * textScale();
    }

    final double plotBottom() {
        return getHeight() - bottom * textScale();
    }

    /** The scrubber's marker: the text colour, a little transparent, so it clashes with no line. */
    final Color markerColour() {
        return colors().text().deriveColor(0, 1, 1, 0.6);
    }

    @Override
    protected final void paint(GraphicsContext g, double width, double height) {
        g.setFill(colors().text());
        g.setFont(titleFont());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title.get(), 8, 6);
        if (plotRight() - plotLeft() > 10 && plotBottom() - plotTop() > 10) {
            draw(g);
        }
    }

    abstract void draw(GraphicsContext g);
}
