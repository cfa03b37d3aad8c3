package org.layerloom.charts.line;

/**
 * One line as the chart draws it: a key unique in the chart, its legend label ({@code null}: not in
 * the legend), how to draw it, its colour index in the palette, and its full data.
 *
 * @param role {@code "raw"}, {@code "smoothed"}, {@code "points"} or {@code "line"}
 */
public record DrawnSeries(String key, String label, String role, int color, DoubleSeries data) {

    /** Whether this is a faint raw line under its smoothed one. */
    public boolean isFaint() {
        return "raw".equals(role);
    }

    public boolean hasDots() {
        return "points".equals(role);
    }
}
