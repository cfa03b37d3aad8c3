package org.layerloom.engine.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Minimum, median and maximum of a benchmark figure measured several times, for printing the spread
 * beside the figure. Immutable; any thread.
 */
public record Spread(int count, double min, double median, double max) {

    /** Summarises at least one value. */
    public static Spread of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Spread(n, sorted[0], median, sorted[n - 1]);
    }

    /** E.g. {@code 41234.6 (40100.2–42011.0)}: the median, then min–max, one decimal. */
    public String describe() {
        return String.format(Locale.ROOT, "%.1f (%.1f-%.1f)", median, min, max);
    }
}
