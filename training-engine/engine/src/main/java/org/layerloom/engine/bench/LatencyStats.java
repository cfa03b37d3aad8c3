package org.layerloom.engine.bench;

import java.util.Arrays;

/**
 * Summary of repeated timings in milliseconds: the median, the 99th percentile (nearest rank) and the
 * maximum. Immutable; any thread.
 */
public record LatencyStats(int samples, double medianMs, double p99Ms, double maxMs) {

    private static final double NANOS_PER_MS = 1_000_000.0;

    /** Summarises durations in nanoseconds; needs at least one. */
    public static LatencyStats ofNanos(long[] durations) {
        if (durations.length == 0) {
            throw new IllegalArgumentException("no timings to summarise");
        }
        long[] sorted = durations.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        long p99 = sorted[(int) Math.ceil(0.99 * n) - 1];
        return new LatencyStats(n, median / NANOS_PER_MS, p99 / NANOS_PER_MS, sorted[n - 1] / NANOS_PER_MS);
    }
}
