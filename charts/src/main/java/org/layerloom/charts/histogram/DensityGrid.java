package org.layerloom.charts.histogram;

import java.util.List;

/**
 * Histograms with different ranges put on one value axis: the range covering every frame is cut into
 * {@code rows} equal cells and each frame's bins are spread over the cells they overlap (uniform within a
 * bin), giving per frame the share of values in each cell. {@link #shade} scales a cell for colouring
 * relative to its column's fullest cell, with a square root so thin tails stay visible. Immutable; any
 * thread.
 */
public final class DensityGrid {

    private final double low;
    private final double high;
    private final double[][] shares;

    private DensityGrid(double low, double high, double[][] shares) {
        this.low = low;
        this.high = high;
        this.shares = shares;
    }

    /** The grid of {@code frames} with {@code rows} value cells (row 0 at {@link #low()}). */
    public static DensityGrid of(List<HistogramFrame> frames, int rows) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (HistogramFrame f : frames) {
            if (f.bins() > 0) {
                low = Math.min(low, f.min());
                high = Math.max(high, f.max());
            }
        }
        if (!(low < high)) {
            double centre = Double.isFinite(low) ? low : 0;
            low = centre - 0.5;
            high = centre + 0.5;
        }
        double cell = (high - low) / rows;
        double[][] shares = new double[frames.size()][rows];
        for (int c = 0; c < frames.size(); c++) {
            HistogramFrame f = frames.get(c);
            long total = f.total();
            if (total == 0) {
                continue;
            }
            double width = (f.max() - f.min()) / f.bins();
            for (int b = 0; b < f.bins(); b++) {
                double share = f.count(b) / (double) total;
                if (share == 0) {
                    continue;
                }
                double from = f.min() + b * width;
                double to = from + width;
                if (width == 0) {
                    int row = clamp((int) ((from - low) / cell), rows);
                    shares[c][row] += share;
                    continue;
                }
                int first = clamp((int) ((from - low) / cell), rows);
                int last = clamp((int) Math.ceil((to - low) / cell) - 1, rows);
                for (int r = first; r <= last; r++) {
                    double cellFrom = low + r * cell;
                    double overlap = Math.min(to, cellFrom + cell) - Math.max(from, cellFrom);
                    if (overlap > 0) {
                        shares[c][r] += share * overlap / width;
                    }
                }
            }
        }
        return new DensityGrid(low, high, shares);
    }

    private static int clamp(int row, int rows) {
        return Math.max(0, Math.min(rows - 1, row));
    }

    public double low() {
        return low;
    }

    public double high() {
        return high;
    }

    public int columns() {
        return shares.length;
    }

    public int rows() {
        return shares.length == 0 ? 0 : shares[0].length;
    }

    /** The share of frame {@code column}'s values in value cell {@code row}. */
    public double share(int column, int row) {
        return shares[column][row];
    }

    /** 0..1 for colouring: the square root of the cell's share over its column's largest. */
    public double shade(int column, int row) {
        double max = 0;
        for (double s : shares[column]) {
            max = Math.max(max, s);
        }
        return max == 0 ? 0 : Math.sqrt(shares[column][row] / max);
    }
}
