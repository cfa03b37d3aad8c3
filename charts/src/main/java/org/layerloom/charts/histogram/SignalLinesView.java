package org.layerloom.charts.histogram;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.layerloom.charts.AxisTicks;

/**
 * A small multi-line chart of one signal per layer over time (e.g. the gradient norm of every layer by
 * step), on a log or linear value axis, with an optional dashed reference line (e.g. the 1e-3 rule of thumb
 * for the update ratio), a vertical marker at a chosen time (the scrubber) and a legend. Non-positive values
 * are left out on a log axis. JavaFX thread only.
 */
public final class SignalLinesView extends TitledChart {

    static final Color[] PALETTE = {Color.web("#2f6fdb"), Color.web("#d9660b"), Color.web("#1d9a6c"),
        Color.web("#c2417f"), Color.web("#8e44ad"), Color.web("#b7791f"), Color.web("#0b8a9a"), Color.web("#52606d")};

    private final List<LineSeries> series = new ArrayList<>();
    private boolean log = true;
    private double reference = Double.NaN;
    private String referenceLabel = "";
    private double marker = Double.NaN;

    public SignalLinesView() {
        getStyleClass().add("signal-lines");
        setMargins(52, 12, 28, 44);
    }

    /** Replaces every line. */
    public void setSeries(List<LineSeries> lines) {
        series.clear();
        series.addAll(lines);
        redraw();
    }

    public void setLogScale(boolean on) {
        log = on;
        redraw();
    }

    /** A dashed horizontal line at {@code value} named {@code label}; NaN for none. */
    public void setReference(double value, String label) {
        reference = value;
        referenceLabel = label;
        redraw();
    }

    /** A vertical marker at time {@code x}; NaN for none. */
    public void setMarker(double x) {
        marker = x;
        redraw();
    }

    public int seriesCount() {
        return series.size();
    }

    /** The colour of line {@code i}, for a matching legend elsewhere. */
    public static Color colourOf(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** {xMin, xMax, yMin, yMax} over the drawable points (and the reference), or null when there are none. */
    double[] range() {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (LineSeries s : series) {
            for (int i = 0; i < s.size(); i++) {
                double y = s.yAt(i);
                if (drawable(y)) {
                    xMin = Math.min(xMin, s.xAt(i));
                    xMax = Math.max(xMax, s.xAt(i));
                    yMin = Math.min(yMin, y);
                    yMax = Math.max(yMax, y);
                }
            }
        }
        if (xMin > xMax) {
            return null;
        }
        if (drawable(reference)) {
            yMin = Math.min(yMin, reference);
            yMax = Math.max(yMax, reference);
        }
        if (log) {
            yMin = Math.pow(10, Math.floor(Math.log10(yMin)));
            yMax = Math.pow(10, Math.ceil(Math.log10(yMax)));
            if (yMin == yMax) {
                yMax = yMin * 10;
            }
        } else if (yMin == yMax) {
            yMin -= 0.5;
            yMax += 0.5;
        }
        if (xMin == xMax) {
            xMax = xMin + 1;
        }
        return new double[] {xMin, xMax, yMin, yMax};
    }

    private boolean drawable(double y) {
        return Double.isFinite(y) && (!log || y > 0);
    }

    @Override
    void draw(GraphicsContext g) {
        double x0 = plotLeft();
        double x1 = plotRight();
        double y0 = plotTop();
        double y1 = plotBottom();
        g.setFont(tickFont());
        double[] r = range();
        g.setStroke(colors().gridLine());
        g.strokeRect(x0 - 0.5, y0 - 0.5, x1 - x0 + 1, y1 - y0 + 1);
        if (r == null) {
            g.setFill(colors().muted());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("No data yet", (x0 + x1) / 2, (y0 + y1) / 2);
            return;
        }
        List<Double> yTicks = log ? AxisTicks.log(r[2], r[3], 5) : AxisTicks.linear(r[2], r[3], 4);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v : yTicks) {
            double y = toY(v, r, y0, y1);
            g.setStroke(colors().gridLine());
            g.strokeLine(x0, y, x1, y);
            g.setFill(colors().muted());
            g.fillText(AxisTicks.label(v), x0 - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double v : AxisTicks.linear(r[0], r[1], Math.max(2, (int) ((x1 - x0) / 80)))) {
            g.fillText(AxisTicks.label(v), toX(v, r, x0, x1), y1 + 5);
        }
        if (drawable(reference)) {
            double y = toY(reference, r, y0, y1);
            g.setStroke(colors().muted());
            g.setLineDashes(5, 4);
            g.strokeLine(x0, y, x1, y);
            g.setLineDashes();
            g.setFill(colors().muted());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(referenceLabel, x1 - 4, y - 2);
        }
        g.save();
        g.beginPath();
        g.rect(x0, y0, x1 - x0, y1 - y0);
        g.clip();
        g.setLineWidth(1.8);
        for (int k = 0; k < series.size(); k++) {
            LineSeries s = series.get(k);
            g.setStroke(colourOf(k));
            g.setFill(colourOf(k));
            boolean open = false;
            g.beginPath();
            for (int i = 0; i < s.size(); i++) {
                double y = s.yAt(i);
                if (!drawable(y)) {
                    open = false;
                    continue;
                }
                double px = toX(s.xAt(i), r, x0, x1);
                double py = toY(y, r, y0, y1);
                if (open) {
                    g.lineTo(px, py);
                } else {
                    g.moveTo(px, py);
                    open = true;
                }
            }
            g.stroke();
            if (s.size() <= 40) {
                for (int i = 0; i < s.size(); i++) {
                    if (drawable(s.yAt(i))) {
                        g.fillOval(toX(s.xAt(i), r, x0, x1) - 2.5, toY(s.yAt(i), r, y0, y1) - 2.5, 5, 5);
                    }
                }
            }
        }
        g.restore();
        g.setLineWidth(1);
        if (Double.isFinite(marker)) {
            double x = toX(marker, r, x0, x1);
            g.setStroke(markerColour());
            g.setLineWidth(2);
            g.strokeLine(x, y0, x, y1);
            g.setLineWidth(1);
        }
        drawLegend(g, x0, y1 + 22);
    }

    private void drawLegend(GraphicsContext g, double x, double y) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double cx = x;
        for (int k = 0; k < series.size(); k++) {
            String name = series.get(k).name();
            double width = name.length() * 6.5 + 26;
            if (cx + width > plotRight() && cx > x) {
                break;
            }
            g.setFill(colourOf(k));
            g.fillRoundRect(cx, y + 3, 14, 6, 3, 3);
            g.setFill(colors().text());
            g.fillText(name, cx + 18, y);
            cx += width;
        }
    }

    private double toX(double v, double[] r, double x0, double x1) {
        return x0 + (v - r[0]) / (r[1] - r[0]) * (x1 - x0);
    }

    private double toY(double v, double[] r, double y0, double y1) {
        double t = log ? (Math.log10(v) - Math.log10(r[2])) / (Math.log10(r[3]) - Math.log10(r[2]))
                : (v - r[2]) / (r[3] - r[2]);
        return y1 - t * (y1 - y0);
    }
}
