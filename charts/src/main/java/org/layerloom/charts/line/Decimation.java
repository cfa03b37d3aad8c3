package org.layerloom.charts.line;

/**
 * Thins a series for drawing without changing what it looks like: within the visible x range, each
 * pixel column keeps only its lowest and its highest point (in their order), so spikes survive and a
 * line of a million points becomes at most two per column. The point just outside each end of the range
 * is kept too, so the line runs to the chart's edges. NaN values are skipped. Whole blocks of points
 * inside one column are taken from the series' block summary, so the cost grows with the number of
 * blocks rather than points. Stateless; any thread.
 */
public final class Decimation {

    private Decimation() {
    }

    /**
     * Writes the points of {@code source} to draw between {@code lower} and {@code upper} into
     * {@code target} (which is cleared first).
     *
     * @param columns the number of pixel columns the range spans (at least 1)
     */
    public static void minMax(DoubleSeries source, double lower, double upper, int columns, DoubleSeries target) {
        target.clear();
        int n = source.size();
        if (n == 0 || !(upper >= lower)) {
            return;
        }
        int first = Math.max(0, source.firstAtOrAfter(lower) - 1);
        int end = Math.min(n, source.firstAtOrAfter(Math.nextUp(upper)) + 1);
        int cols = Math.max(1, columns);
        if (end - first <= 2 * cols + 2) {
            for (int i = first; i < end; i++) {
                addIfNumber(target, source.x(i), source.y(i));
            }
            return;
        }
        double width = upper > lower ? (upper - lower) / cols : 1;
        int i = first;
        if (source.x(i) < lower) {
            addIfNumber(target, source.x(i), source.y(i));
            i++;
        }
        int last = end - 1;
        boolean trailing = source.x(last) > upper;
        int stop = trailing ? last : end;
        while (i < stop) {
            long column = (long) Math.floor((source.x(i) - lower) / width);
            double columnEnd = lower + (column + 1) * width;
            int minIndex = -1;
            int maxIndex = -1;
            do {
                if (i % DoubleSeries.BLOCK == 0 && i + DoubleSeries.BLOCK <= stop
                        && source.x(i + DoubleSeries.BLOCK - 1) < columnEnd) {
                    int block = i / DoubleSeries.BLOCK;
                    minIndex = lower(source, minIndex, source.blockMin(block));
                    maxIndex = higher(source, maxIndex, source.blockMax(block));
                    i += DoubleSeries.BLOCK;
                } else {
                    if (!Double.isNaN(source.y(i))) {
                        minIndex = lower(source, minIndex, i);
                        maxIndex = higher(source, maxIndex, i);
                    }
                    i++;
                }
            } while (i < stop && source.x(i) < columnEnd);
            if (minIndex >= 0) {
                int a = Math.min(minIndex, maxIndex);
                int b = Math.max(minIndex, maxIndex);
                target.add(source.x(a), source.y(a));
                if (b != a) {
                    target.add(source.x(b), source.y(b));
                }
            }
        }
        if (trailing) {
            addIfNumber(target, source.x(last), source.y(last));
        }
    }

    private static int lower(DoubleSeries source, int best, int candidate) {
        return candidate >= 0 && (best < 0 || source.y(candidate) < source.y(best)) ? candidate : best;
    }

    private static int higher(DoubleSeries source, int best, int candidate) {
        return candidate >= 0 && (best < 0 || source.y(candidate) > source.y(best)) ? candidate : best;
    }

    private static void addIfNumber(DoubleSeries target, double x, double y) {
        if (!Double.isNaN(y)) {
            target.add(x, y);
        }
    }
}
