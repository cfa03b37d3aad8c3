package org.layerloom.charts.heatmap;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.layerloom.charts.ChartColors;
import org.layerloom.charts.ColorScale;

/**
 * Draws the legend of a colour scale: a vertical bar with the minimum at the bottom, the maximum at the top
 * (and zero for a diverging scale) labelled, and a unit or name written above it. Stateless; JavaFX thread
 * (it draws on a canvas's graphics context).
 */
public final class ColorBar {

    /** The width a bar with its labels takes. */
    public static final double WIDTH = 64;

    private ColorBar() {
    }

    /**
     * Draws the bar in the box ({@code x}, {@code y}, {@link #WIDTH}, {@code height}).
     *
     * @param title a short name of what the colour means (e.g. "activation"); may be empty
     */
    public static void draw(GraphicsContext g, ColorScale scale, double x, double y, double height, String title,
                            ChartColors colors) {
        double top = y + (title.isEmpty() ? 6 : 22);
        double bottom = y + height - 8;
        if (bottom - top < 20) {
            return;
        }
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(colors.muted());
        if (!title.isEmpty()) {
            g.fillText(title, x, y + 2, WIDTH - 2);
        }
        double barWidth = 12;
        int steps = (int) Math.max(2, bottom - top);
        for (int i = 0; i < steps; i++) {
            double t = 1 - (double) i / (steps - 1);
            int c = scale.argb(scale.min() + t * (scale.max() - scale.min()));
            g.setFill(javafx.scene.paint.Color.rgb((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff));
            g.fillRect(x, top + i, barWidth, 1.2);
        }
        g.setStroke(colors.grid());
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, top + 0.5, barWidth, bottom - top);
        g.setFill(colors.text());
        g.setTextBaseline(VPos.CENTER);
        label(g, ColorScale.format(scale.max()), x + barWidth + 4, top);
        label(g, ColorScale.format(scale.min()), x + barWidth + 4, bottom);
        if (scale.min() < 0 && scale.max() > 0) {
            double zero = top + (bottom - top) * (1 - scale.position(0));
            label(g, "0", x + barWidth + 4, zero);
        }
    }

    private static void label(GraphicsContext g, String text, double x, double y) {
        g.fillText(text, x, y, WIDTH - 18);
    }
}
