package org.layerloom.app.inspect;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.layerloom.charts.CanvasChart;
import org.layerloom.charts.ChartColors;

/**
 * Keeps the canvas charts of the inspect views in the current theme: canvases cannot follow CSS, so every
 * chart built is {@link #track tracked} and repainted in the dark or light colours when the theme changes.
 * Charts that are no longer shown are forgotten by the garbage collector. JavaFX thread only.
 */
final class ThemedCharts {

    private final Set<CanvasChart> charts = Collections.newSetFromMap(new WeakHashMap<>());
    private boolean dark;

    /** Paints {@code chart} in the current theme from now on; returns it. */
    <T extends CanvasChart> T track(T chart) {
        chart.setColors(ChartColors.of(dark));
        charts.add(chart);
        return chart;
    }

    boolean isDark() {
        return dark;
    }

    void setDark(boolean newDark) {
        if (newDark != dark) {
            dark = newDark;
            charts.forEach(c -> c.setColors(ChartColors.of(dark)));
        }
    }
}
