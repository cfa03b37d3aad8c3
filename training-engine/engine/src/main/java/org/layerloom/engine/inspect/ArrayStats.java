package org.layerloom.engine.inspect;

/**
 * Simple statistics of a block of numbers, as a student sees them beside an activation: the mean, the
 * (population) standard deviation, the fraction of exact zeros, the minimum and the maximum. An empty
 * block has NaN statistics. Immutable; any thread.
 */
public record ArrayStats(double mean, double std, double zeroFraction, float min, float max) {

    /** The statistics of all of {@code values}. */
    public static ArrayStats of(float[] values) {
        return of(values, 0, values.length);
    }

    /** The statistics of {@code values[from, to)}. */
    public static ArrayStats of(float[] values, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return new ArrayStats(Double.NaN, Double.NaN, Double.NaN, Float.NaN, Float.NaN);
        }
        double sum = 0;
        int zeros = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            float v = values[i];
            sum += v;
            if (v == 0f) {
                zeros++;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = from; i < to; i++) {
            double d = values[i] - mean;
            squares += d * d;
        }
        return new ArrayStats(mean, Math.sqrt(squares / n), (double) zeros / n, min, max);
    }
}
