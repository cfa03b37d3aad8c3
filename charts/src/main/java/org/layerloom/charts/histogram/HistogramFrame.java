package org.layerloom.charts.histogram;

import java.util.Objects;

/**
 * One histogram at one moment: {@code counts.length} equal bins from {@code min} to {@code max}, taken at
 * {@code time} (an epoch or a step) and labelled {@code label} ("epoch 3"). Immutable (counts are copied);
 * any thread.
 */
public record HistogramFrame(String label, double time, double min, double max, int[] counts) {

    public HistogramFrame {
        Objects.requireNonNull(label, "label");
        counts = counts.clone();
        if (max < min) {
            throw new IllegalArgumentException("max below min");
        }
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    int bins() {
        return counts.length;
    }

    int count(int bin) {
        return counts[bin];
    }

    long total() {
        long sum = 0;
        for (int c : counts) {
            sum += c;
        }
        return sum;
    }
}
