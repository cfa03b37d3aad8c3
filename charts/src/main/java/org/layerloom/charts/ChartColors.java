package org.layerloom.charts;

import javafx.scene.paint.Color;

/**
 * The colours a canvas chart paints its frame, text and grid with, one set per theme: charts drawn on a
 * canvas cannot follow CSS, so the view that owns them passes {@link #LIGHT} or {@link #DARK}. Immutable;
 * any thread.
 *
 * @param background the chart's own background
 * @param text       titles and labels
 * @param muted      ticks, units and secondary labels
 * @param grid       axis lines, tile frames and gridlines
 * @param accent     highlights (a picked point, the predicted class)
 */
public record ChartColors(Color background, Color text, Color muted, Color grid, Color accent) {

    /** On a white page. */
    public static final ChartColors LIGHT = new ChartColors(Color.web("#ffffff"), Color.web("#1f2933"),
            Color.web("#5f6b7a"), Color.web("#d5dae1"), Color.web("#2f6fdb"));

    /** On LayerLoom's dark panels. */
    public static final ChartColors DARK = new ChartColors(Color.web("#1f2630"), Color.web("#e6e9ee"),
            Color.web("#9aa5b4"), Color.web("#3a4452"), Color.web("#7aa7f5"));

    /** {@link #DARK} when {@code dark}, else {@link #LIGHT}. */
    public static ChartColors of(boolean dark) {
        return dark ? DARK : LIGHT;
    }
}
