package org.layerloom.charts;

import java.util.List;
import java.util.Objects;
import javafx.scene.paint.Color;

/**
 * The one set of colours every chart is painted in, for LayerLoom's light and dark looks: charts drawn on a
 * canvas or by JFreeChart cannot follow CSS, so the view that owns them passes {@link #LIGHT} or
 * {@link #DARK} (a chart's {@code colorsProperty()} can be bound to the app's theme). The series colours
 * (Okabe–Ito order) and the class colours stay apart for colour-blind readers; the class colours are the
 * same in both looks. Immutable; any thread.
 *
 * @param background the chart's own background (and the plot's)
 * @param text       titles, labels and legends
 * @param muted      ticks, units and secondary labels
 * @param grid       axis lines and tile frames of canvas charts
 * @param gridLine   the faint gridlines behind lines and histograms
 * @param accent     highlights (a picked point, the predicted class)
 * @param marker     markers on the time axis (a changed learning rate)
 * @param series     the colours of line series, repeated when there are more series
 */
public record ChartColors(Color background, Color text, Color muted, Color grid, Color gridLine, Color accent,
                          Color marker, List<Color> series) {

    /** On a white page. */
    public static final ChartColors LIGHT = new ChartColors(Color.web("#ffffff"), Color.web("#1f2933"),
            Color.web("#5f6b7a"), Color.web("#d5dae1"), Color.web("#e3e7ed"), Color.web("#2f6fdb"),
            Color.web("#b25e00"), webColors("#2f6fdb", "#e0701f", "#1e9e6a", "#c2408a", "#7b5cd6", "#8c6a1f",
                    "#2aa3c2", "#6b7280"));

    /** On LayerLoom's dark panels. */
    public static final ChartColors DARK = new ChartColors(Color.web("#1f2630"), Color.web("#e6e9ee"),
            Color.web("#9aa5b4"), Color.web("#3a4452"), Color.web("#323b47"), Color.web("#7aa7f5"),
            Color.web("#e6b450"), webColors("#6ea1f7", "#f59a4f", "#4fcb8f", "#e77bb8", "#a68bf0", "#d1b260",
                    "#5cc8e6", "#a3abb8"));

    private static final List<Color> CLASSES = webColors("#2f6fdb", "#e07a1f", "#2e9e5b", "#c2367a", "#7a52c7",
            "#8c6d31", "#17a2b8", "#d4a017", "#5f6b7a", "#b3261e");

    public ChartColors {
        Objects.requireNonNull(background, "background");
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one series colour");
        }
    }

    /** {@link #DARK} when {@code dark}, else {@link #LIGHT}. */
    public static ChartColors of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    /** Whether these are colours for a dark background. */
    public boolean isDark() {
        return background.getBrightness() < 0.5;
    }

    /** The colour of series {@code index}, repeating the list when there are more series. */
    public Color seriesColor(int index) {
        return series.get(Math.floorMod(index, series.size()));
    }

    /**
     * The colour of class {@code index} in point plots, decision maps and legends: ten distinct hues (after
     * Okabe–Ito and Tableau 10), repeated past ten, the same in both looks.
     */
    public static Color classColor(int index) {
        return CLASSES.get(Math.floorMod(index, CLASSES.size()));
    }

    /** The colour of class {@code index} packed as opaque RGB. */
    public static int classRgb(int index) {
        Color c = classColor(index);
        return (channel(c.getRed()) << 16) | (channel(c.getGreen()) << 8) | channel(c.getBlue());
    }

    /** {@code c} for Java2D (JFreeChart), opaque. */
    public static java.awt.Color awt(Color c) {
        return awt(c, 255);
    }

    /** {@code c} for Java2D (JFreeChart) with this opacity (0-255). */
    public static java.awt.Color awt(Color c, int alpha) {
        return new java.awt.Color(channel(c.getRed()), channel(c.getGreen()), channel(c.getBlue()), alpha);
    }

    /** {@code c} as a CSS colour, "#rrggbb". */
    public static String web(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", channel(c.getRed()), channel(c.getGreen()),
                channel(c.getBlue()));
    }

    private static int channel(double fraction) {
        return (int) Math.round(fraction * 255);
    }

    private static List<Color> webColors(String... web) {
        return java.util.Arrays.stream(web).map(Color::web).toList();
    }
}
