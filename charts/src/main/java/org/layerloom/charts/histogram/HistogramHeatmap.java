package org.layerloom.charts.histogram;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.layerloom.charts.AxisTicks;

/**
 * A layer's weight histograms over time as a heatmap: one column per capture (left to right), the value
 * axis up, each cell shaded by how many of the column's values fall there (darker/brighter = more). A
 * marker outlines the column chosen by {@link #setMarked(int)} (the health view's scrubber). Shows how
 * weights spread or collapse while the network learns. JavaFX thread only.
 */
public final class HistogramHeatmap extends TitledChart {

    static final int ROWS = 40;
    private static final Color[] LIGHT_RAMP = {Color.web("#f4f7fb"), Color.web("#9ecae1"), Color.web("#3182bd"),
        Color.web("#08306b")};
    private static final Color[] DARK_RAMP = {Color.web("#1f2630"), Color.web("#27566e"), Color.web("#3fa7c9"),
        Color.web("#d4f3ff")};

    private final List<HistogramFrame> frames = new ArrayList<>();
    private DensityGrid grid = DensityGrid.of(List.of(), ROWS);
    private int marked = -1;

    public HistogramHeatmap() {
        getStyleClass().add("histogram-heatmap");
        setMargins(52, 12, 28, 30);
    }

    /** Replaces every column. */
    public void setFrames(List<HistogramFrame> newFrames) {
        frames.clear();
        frames.addAll(newFrames);
        grid = DensityGrid.of(frames, ROWS);
        redraw();
    }

    /** Adds columns at the right. */
    public void addFrames(List<HistogramFrame> more) {
        if (more.isEmpty()) {
            return;
        }
        frames.addAll(more);
        grid = DensityGrid.of(frames, ROWS);
        redraw();
    }

    /** Outlines column {@code index}, or none with -1. */
    public void setMarked(int index) {
        if (index != marked) {
            marked = index;
            redraw();
        }
    }

    public int frameCount() {
        return frames.size();
    }

    /** The value range on the vertical axis. */
    public double[] valueRange() {
        return new double[] {grid.low(), grid.high()};
    }

    @Override
    void draw(GraphicsContext g) {
        double x0 = plotLeft();
        double x1 = plotRight();
        double y0 = plotTop();
        double y1 = plotBottom();
        g.setStroke(colors().gridLine());
        g.strokeRect(x0 - 0.5, y0 - 0.5, x1 - x0 + 1, y1 - y0 + 1);
        g.setFont(tickFont());
        g.setFill(colors().muted());
        int columns = grid.columns();
        if (columns == 0) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("No histograms yet", (x0 + x1) / 2, (y0 + y1) / 2);
            return;
        }
        double cw = (x1 - x0) / columns;
        double rh = (y1 - y0) / grid.rows();
        Color[] ramp = colors().isDark() ? DARK_RAMP : LIGHT_RAMP;
        for (int c = 0; c < columns; c++) {
            for (int r = 0; r < grid.rows(); r++) {
                double shade = grid.shade(c, r);
                if (shade <= 0) {
                    continue;
                }
                g.setFill(colour(ramp, shade));
                g.fillRect(x0 + c * cw, y1 - (r + 1) * rh, Math.ceil(cw), Math.ceil(rh));
            }
        }
        if (grid.low() < 0 && grid.high() > 0) {
            double zero = y1 - (0 - grid.low()) / (grid.high() - grid.low()) * (y1 - y0);
            g.setStroke(colors().muted());
            g.setLineDashes(3, 3);
            g.strokeLine(x0, zero, x1, zero);
            g.setLineDashes();
        }
        g.setFill(colors().muted());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v : AxisTicks.linear(grid.low(), grid.high(), 4)) {
            double y = y1 - (v - grid.low()) / (grid.high() - grid.low()) * (y1 - y0);
            g.fillText(AxisTicks.label(v), x0 - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        int every = Math.max(1, (int) Math.ceil(columns / Math.max(1, (x1 - x0) / 60)));
        for (int c = 0; c < columns; c += every) {
            g.fillText(frames.get(c).label(), x0 + (c + 0.5) * cw, y1 + 6);
        }
        if (marked >= 0 && marked < columns) {
            g.setStroke(markerColour());
            g.setLineWidth(2);
            g.strokeRect(x0 + marked * cw + 1, y0 + 1, Math.max(2, cw - 2), y1 - y0 - 2);
            g.setLineWidth(1);
        }
    }

    static Color colour(Color[] ramp, double t) {
        double x = Math.max(0, Math.min(1, t)) * (ramp.length - 1);
        int i = Math.min(ramp.length - 2, (int) x);
        return ramp[i].interpolate(ramp[i + 1], x - i);
    }
}
