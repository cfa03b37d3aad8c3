package org.layerloom.charts.line;

import java.awt.Color;
import java.util.List;

/**
 * The colours a chart is painted in, for LayerLoom's light and dark looks: background, plot area, grid
 * lines, text, markers and a list of series colours chosen to stay apart for colour-blind readers
 * (Okabe–Ito order). Immutable; any thread.
 */
public record ChartPalette(Color background, Color plot, Color grid, Color text, Color muted, Color marker,
                           List<Color> series) {

    public static final ChartPalette LIGHT = new ChartPalette(new Color(0xFFFFFF), new Color(0xFFFFFF),
            new Color(0xE3E7ED), new Color(0x1F2933), new Color(0x5F6B7A), new Color(0xB25E00),
            List.of(new Color(0x2F6FDB), new Color(0xE0701F), new Color(0x1E9E6A), new Color(0xC2408A),
                    new Color(0x7B5CD6), new Color(0x8C6A1F), new Color(0x2AA3C2), new Color(0x6B7280)));

    public static final ChartPalette DARK = new ChartPalette(new Color(0x1F2630), new Color(0x1F2630),
            new Color(0x323B47), new Color(0xE6E9EE), new Color(0x9AA5B4), new Color(0xE6B450),
            List.of(new Color(0x6EA1F7), new Color(0xF59A4F), new Color(0x4FCB8F), new Color(0xE77BB8),
                    new Color(0xA68BF0), new Color(0xD1B260), new Color(0x5CC8E6), new Color(0xA3ABB8)));

    public ChartPalette {
        series = List.copyOf(series);
    }

    /** The colour of series {@code index}, repeating the list when there are more series. */
    public Color seriesColor(int index) {
        return series.get(Math.floorMod(index, series.size()));
    }

    /** {@link #seriesColor} with this opacity (0-255). */
    public Color seriesColor(int index, int alpha) {
        Color c = seriesColor(index);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** The palette as a JavaFX web colour, for labels drawn beside the chart. */
    public static String web(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
