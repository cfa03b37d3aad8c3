package org.layerloom.charts;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;

/**
 * The base of LayerLoom's canvas charts: a region holding one canvas that fills it and is repainted, in
 * one pass, when the region is resized, the data change ({@link #redraw()}) or the colours change
 * ({@link #colorsProperty()}, which a view binds to its theme). Subclasses paint in {@link #paint}. Canvas
 * drawing is fast for thousands of cells and points and needs no scene-graph nodes per value. JavaFX thread
 * only.
 */
public abstract class CanvasChart extends Region {

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<ChartColors> colors = new SimpleObjectProperty<>(this, "colors", ChartColors.LIGHT);
    private static final double FONT_SIZE = 12;

    private Font font = Font.font(FONT_SIZE);
    private boolean fontChosen;
    private final TextScale textScale;

    protected CanvasChart() {
        getChildren().add(canvas);
        getStyleClass().add("canvas-chart");
        colors.addListener((obs, was, is) -> redraw());
        textScale = new TextScale(getChildren());
        textScale.property().addListener((obs, was, is) -> {
            if (!fontChosen) {
                font = Font.font(textScale.size(FONT_SIZE));
            }
            requestLayout();
            redraw();
        });
    }

    /** How much larger than designed the text is drawn: it follows the window's font size (1 by default). */
    protected final double textScale() {
        return textScale.get();
    }

    /** Paints the whole chart on {@code g}, {@code width} × {@code height} pixels, already cleared. */
    protected abstract void paint(GraphicsContext g, double width, double height);

    /** The colours the chart is painted in (light by default); bind it to follow a theme. */
    public final ObjectProperty<ChartColors> colorsProperty() {
        return colors;
    }

    /** The colours in force ({@link ChartColors#LIGHT} while the property holds null). */
    public final ChartColors colors() {
        return java.util.Objects.requireNonNullElse(colors.get(), ChartColors.LIGHT);
    }

    /** Repaints in the colours of another theme. */
    public final void setColors(ChartColors newColors) {
        colors.set(java.util.Objects.requireNonNull(newColors, "colors"));
    }

    /** The font labels are drawn in (12 px at the default font size, growing with the window's font size). */
    public Font font() {
        return font;
    }

    /** Draws the labels in {@code newFont} from now on, whatever the window's font size. */
    public void setFont(Font newFont) {
        font = java.util.Objects.requireNonNull(newFont, "font");
        fontChosen = true;
        redraw();
    }

    /** Repaints now; call after changing the data. */
    public final void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < 1 || h < 1) {
            return;
        }
        g.setFill(colors().background());
        g.fillRect(0, 0, w, h);
        g.setFont(font);
        g.setImageSmoothing(false);
        paint(g, w, h);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    /**
     * An image of {@code width} × {@code height} cells from row-major ARGB colours, to draw scaled with
     * smoothing off (one crisp square per cell).
     */
    protected static WritableImage image(int width, int height, int[] argb) {
        WritableImage image = new WritableImage(Math.max(1, width), Math.max(1, height));
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }

    /** Row-major ARGB colours of {@code values} on {@code scale}. */
    protected static int[] colours(float[] values, ColorScale scale) {
        int[] argb = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            argb[i] = scale.argb(values[i]);
        }
        return argb;
    }
}
