package org.layerloom.charts.line;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data behind a live line chart, free of any toolkit: named series with their FULL data (never
 * thinned; the chart decimates only what it draws), the smoothed companion of each noisy series, the
 * markers and the CSV export. A chart view draws it; tests use it alone. Not thread-safe: the owner
 * (the JavaFX thread, for a chart on screen) uses it from one thread.
 */
public final class LineChartModel {

    private record Entry(String label, SeriesKind kind, int color, DoubleSeries data, DoubleSeries smoothed,
                         Smoothing[] smoother) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<ChartMarker> markers = new ArrayList<>();
    private double smoothing = 0.6;
    private long revision;

    /**
     * Adds an empty series (or replaces the one with that key).
     *
     * @param color the colour's index in the chart's palette
     */
    public void addSeries(String key, String label, SeriesKind kind, int color) {
        DoubleSeries smoothed = kind == SeriesKind.RAW_WITH_SMOOTHED ? new DoubleSeries() : null;
        entries.put(key, new Entry(label, kind, color, new DoubleSeries(), smoothed,
                new Smoothing[] {new Smoothing(smoothing)}));
        revision++;
    }

    public boolean hasSeries(String key) {
        return entries.containsKey(key);
    }

    /** Appends one point to the series {@code key}; x must not go back. */
    public void append(String key, double x, double y) {
        Entry entry = entry(key);
        entry.data.add(x, y);
        if (entry.smoothed != null) {
            double s = entry.smoother[0].next(y);
            entry.smoothed.add(x, Double.isNaN(s) ? y : s);
        }
        revision++;
    }

    /** The legend's label of the series {@code key}. */
    public String label(String key) {
        return entry(key).label();
    }

    /** The full data of {@code key}. */
    public DoubleSeries series(String key) {
        return entry(key).data;
    }

    /** The smoothed line of a noisy series, or its data for the other kinds. */
    public DoubleSeries smoothed(String key) {
        Entry entry = entry(key);
        return entry.smoothed != null ? entry.smoothed : entry.data;
    }

    public double smoothing() {
        return smoothing;
    }

    /** Sets the smoothing weight in [0, 1) and recomputes every smoothed line. */
    public void setSmoothing(double weight) {
        new Smoothing(weight);
        smoothing = weight;
        for (Entry entry : entries.values()) {
            if (entry.smoothed != null) {
                entry.smoother[0] = new Smoothing(weight);
                entry.smoothed.clear();
                DoubleSeries data = entry.data;
                for (int i = 0; i < data.size(); i++) {
                    double s = entry.smoother[0].next(data.y(i));
                    entry.smoothed.add(data.x(i), Double.isNaN(s) ? data.y(i) : s);
                }
            }
        }
        revision++;
    }

    public void addMarker(double x, String label) {
        markers.add(new ChartMarker(x, label));
        revision++;
    }

    public List<ChartMarker> markers() {
        return List.copyOf(markers);
    }

    /** Removes every series and marker. */
    public void clear() {
        entries.clear();
        markers.clear();
        revision++;
    }

    /** Counts changes; a view redraws when it moved. */
    public long revision() {
        return revision;
    }

    /** The lines to draw, in drawing order: a noisy series gives its faint raw line and its smoothed line. */
    public List<DrawnSeries> drawn() {
        List<DrawnSeries> drawn = new ArrayList<>();
        entries.forEach((key, e) -> {
            switch (e.kind) {
                case RAW_WITH_SMOOTHED -> {
                    drawn.add(new DrawnSeries(key + "#raw", null, "raw", e.color, e.data));
                    drawn.add(new DrawnSeries(key, e.label, "smoothed", e.color, e.smoothed));
                }
                case POINTS -> drawn.add(new DrawnSeries(key, e.label, "points", e.color, e.data));
                case LINE -> drawn.add(new DrawnSeries(key, e.label, "line", e.color, e.data));
            }
        });
        return drawn;
    }

    /** The smallest and largest x over all series, or {@code null} when there is no point. */
    public double[] xBounds() {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Entry e : entries.values()) {
            if (!e.data.isEmpty()) {
                low = Math.min(low, e.data.x(0));
                high = Math.max(high, e.data.x(e.data.size() - 1));
            }
        }
        return low <= high ? new double[] {low, high} : null;
    }

    /** The total number of points over all series (smoothed lines not counted). */
    public long pointCount() {
        long n = 0;
        for (Entry e : entries.values()) {
            n += e.data.size();
        }
        return n;
    }

    /**
     * Writes every point of every series (all of them, not the thinned drawing) as CSV: a header
     * {@code series,x,y} then one row per point; a noisy series also writes its smoothed line as
     * "LABEL (smoothed)", and markers follow as {@code marker,x,LABEL}.
     */
    public void writeCsv(Appendable out) {
        try {
            out.append("series,x,y\n");
            for (Entry e : entries.values()) {
                writeRows(out, e.label, e.data);
                if (e.smoothed != null) {
                    writeRows(out, e.label + " (smoothed)", e.smoothed);
                }
            }
            for (ChartMarker m : markers) {
                out.append("marker,").append(number(m.x())).append(',').append(quoted(m.label())).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRows(Appendable out, String label, DoubleSeries data) throws IOException {
        String name = quoted(label);
        StringBuilder row = new StringBuilder(64);
        for (int i = 0; i < data.size(); i++) {
            row.setLength(0);
            row.append(name).append(',').append(number(data.x(i))).append(',').append(number(data.y(i))).append('\n');
            out.append(row);
        }
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static String quoted(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private Entry entry(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            throw new IllegalArgumentException("no series " + key);
        }
        return entry;
    }
}
