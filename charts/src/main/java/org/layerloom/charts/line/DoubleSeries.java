package org.layerloom.charts.line;

import java.util.Arrays;

/**
 * The full data of one chart series: points in order of non-decreasing x, kept in growable primitive
 * arrays so a million points cost 16 MB and no boxing. Appending is amortised O(1); finding the first
 * point at or after an x is a binary search. Not thread-safe: the owner (a chart on the JavaFX thread,
 * or a test) uses it from one thread.
 */
public final class DoubleSeries {

    /** Points per block of the min/max summary that lets {@link Decimation} skip whole blocks. */
    static final int BLOCK = 64;

    private double[] xs;
    private double[] ys;
    private int[] blockMin = new int[4];
    private int[] blockMax = new int[4];
    private int size;

    public DoubleSeries() {
        this(64);
    }

    public DoubleSeries(int capacity) {
        xs = new double[Math.max(4, capacity)];
        ys = new double[xs.length];
    }

    /**
     * Adds a point after the others.
     *
     * @throws IllegalArgumentException when {@code x} is NaN or smaller than the last point's x
     */
    public void add(double x, double y) {
        if (Double.isNaN(x) || (size > 0 && x < xs[size - 1])) {
            throw new IllegalArgumentException("points must come in order of x: " + x + " after "
                    + (size > 0 ? xs[size - 1] : Double.NaN));
        }
        if (size == xs.length) {
            int grown = xs.length * 2;
            xs = Arrays.copyOf(xs, grown);
            ys = Arrays.copyOf(ys, grown);
        }
        xs[size] = x;
        ys[size] = y;
        summarise(size, y);
        size++;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public double x(int index) {
        return xs[checked(index)];
    }

    public double y(int index) {
        return ys[checked(index)];
    }

    public void clear() {
        size = 0;
    }

    /** The index of the lowest non-NaN value in block {@code block} (of {@link #BLOCK} points), or -1. */
    int blockMin(int block) {
        return blockMin[block];
    }

    /** The index of the highest non-NaN value in block {@code block}, or -1. */
    int blockMax(int block) {
        return blockMax[block];
    }

    private void summarise(int index, double y) {
        int block = index / BLOCK;
        if (block == blockMin.length) {
            blockMin = Arrays.copyOf(blockMin, block * 2);
            blockMax = Arrays.copyOf(blockMax, block * 2);
        }
        if (index % BLOCK == 0) {
            blockMin[block] = -1;
            blockMax[block] = -1;
        }
        if (Double.isNaN(y)) {
            return;
        }
        if (blockMin[block] < 0 || y < ys[blockMin[block]]) {
            blockMin[block] = index;
        }
        if (blockMax[block] < 0 || y > ys[blockMax[block]]) {
            blockMax[block] = index;
        }
    }

    /** The index of the first point whose x is at least {@code x}, or {@link #size()} when there is none. */
    public int firstAtOrAfter(double x) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (xs[mid] < x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The index of the point whose x is closest to {@code x}, or -1 when the series is empty. */
    public int nearest(double x) {
        if (size == 0) {
            return -1;
        }
        int after = firstAtOrAfter(x);
        if (after == size) {
            return size - 1;
        }
        if (after == 0) {
            return 0;
        }
        return x - xs[after - 1] <= xs[after] - x ? after - 1 : after;
    }

    private int checked(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size + " points");
        }
        return index;
    }
}
