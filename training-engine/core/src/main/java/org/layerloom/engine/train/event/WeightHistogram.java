package org.layerloom.engine.train.event;

import java.util.Arrays;

/**
 * A histogram of a layer's parameters: {@code counts.length} equal bins from {@code min} to {@code max}
 * (the values' own range at capture time). Empty (no bins) for a layer without parameters. Immutable;
 * any thread.
 */
public record WeightHistogram(float min, float max, int[] counts) {

    public static final WeightHistogram EMPTY = new WeightHistogram(0, 0, new int[0]);

    public WeightHistogram {
        counts = counts.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    /** The histogram of {@code values} in {@code bins} equal bins over their range (all in the middle bin when constant). */
    public static WeightHistogram of(float[] values, int bins) {
        if (values.length == 0 || bins < 1) {
            return EMPTY;
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int[] counts = new int[bins];
        double width = (max - (double) min) / bins;
        for (float v : values) {
            int bin = width > 0 ? (int) ((v - (double) min) / width) : bins / 2;
            counts[Math.min(Math.max(bin, 0), bins - 1)]++;
        }
        return new WeightHistogram(min, max, counts);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeightHistogram h && min == h.min && max == h.max && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Float.hashCode(min) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "WeightHistogram[" + min + ".." + max + " " + Arrays.toString(counts) + "]";
    }
}
