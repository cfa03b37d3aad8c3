package org.layerloom.charts.histogram;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * A chart drawn on one canvas that fills the region: redrawn in full when its size, title, theme or data
 * change (data setters draw once per call, so feed them in batches). Subclasses draw the plot inside
 * {@link #plotLeft()}..{@link #plotRight()} × {@link #plotTop()}..{@link #plotBottom()}. JavaFX thread only.
 */
abstract class CanvasChart extends Region {

    static final Font TITLE_FONT = Font.font("System", FontWeight.BOLD, 13);
    static final Font TICK_FONT = Font.font("System", 11);

    private final Canvas canvas = new Canvas();
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);
    private double left = 56;
    private double right = 12;
    private double top = 28;
    private double bottom = 30;

    CanvasChart() {
        getChildren().add(canvas);
        title.addListener((obs, was, is) -> redraw());
        dark.addListener((obs, was, is) -> redraw());
        setMinSize(160, 100);
        setPrefSize(420, 220);
    }

    /** The heading drawn above the plot. */
    public final StringProperty titleProperty() {
        return title;
    }

    /** Whether to draw in the dark theme's colours. */
    public final BooleanProperty darkProperty() {
        return dark;
    }

    final void setMargins(double left, double right, double top, double bottom) {
        this.left = left;
        this.right = right;
        this.top = top;
        this.bottom = bottom;
    }

    final double plotLeft() {
        return left;
    }

    final double plotRight() {
        return getWidth() - right;
    }

    final double plotTop() {
        return top;
    }

    final double plotBottom() {
        return getHeight() - bottom;
    }

    final boolean isDark() {
        return dark.get();
    }

    final Color text() {
        return isDark() ? Color.web("#e6e9ee") : Color.web("#1f2933");
    }

    final Color muted() {
        return isDark() ? Color.web("#9aa4b2") : Color.web("#5f6b7a");
    }

    final Color gridLine() {
        return isDark() ? Color.web("#353c47") : Color.web("#e3e7ec");
    }

    /** The scrubber's marker: the text colour, a little transparent, so it clashes with no line. */
    final Color markerColour() {
        return text().deriveColor(0, 1, 1, 0.6);
    }

    final Color background() {
        return isDark() ? Color.web("#22272f") : Color.WHITE;
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            redraw();
        }
    }

    /** Draws everything again. */
    final void redraw() {
        double w = getWidth();
        double h = getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (w <= 0 || h <= 0) {
            return;
        }
        g.setFill(background());
        g.fillRect(0, 0, w, h);
        g.setFill(text());
        g.setFont(TITLE_FONT);
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        g.fillText(title.get(), 8, 6);
        if (plotRight() - plotLeft() > 10 && plotBottom() - plotTop() > 10) {
            draw(g);
        }
    }

    abstract void draw(GraphicsContext g);

    /** The canvas, for snapshots in tests. */
    final Canvas canvas() {
        return canvas;
    }
}
