package org.layerloom.engine.data;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code targetSize} real targets per example, row-major in one {@code float} array. Slices share the array;
 * nothing can change it after construction. Immutable; any thread.
 */
public final class RegressionTargets implements Labels {

    private final float[] values;
    private final int offset;
    private final int size;
    private final int targetSize;

    private RegressionTargets(float[] values, int offset, int size, int targetSize) {
        this.values = values;
        this.offset = offset;
        this.size = size;
        this.targetSize = targetSize;
    }

    /** Targets holding a copy of {@code values}, whose length must be a multiple of {@code targetSize}. */
    public static RegressionTargets copyOf(float[] values, int targetSize) {
        return owning(values.clone(), targetSize);
    }

    /** Takes ownership of {@code values} without copying; the caller must never touch the array again. */
    static RegressionTargets owning(float[] values, int targetSize) {
        if (targetSize < 1 || values.length % targetSize != 0) {
            throw new IllegalArgumentException(values.length + " target values do not split into rows of "
                    + targetSize);
        }
        return new RegressionTargets(values, 0, values.length / targetSize, targetSize);
    }

    @Override
    public int size() {
        return size;
    }

    /** Number of targets per example. */
    public int targetSize() {
        return targetSize;
    }

    /** Target {@code column} of example {@code example}. */
    public float get(int example, int column) {
        Objects.checkIndex(example, size);
        Objects.checkIndex(column, targetSize);
        return values[offset + example * targetSize + column];
    }

    /** A fresh read-only view of all targets (size × targetSize values), positioned at 0; no copy. */
    public FloatBuffer buffer() {
        return FloatBuffer.wrap(values, offset, size * targetSize).slice().asReadOnlyBuffer();
    }

    public float[] toArray() {
        return Arrays.copyOfRange(values, offset, offset + size * targetSize);
    }

    @Override
    public RegressionTargets gather(int[] rows) {
        float[] out = new float[Math.multiplyExact(rows.length, targetSize)];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(values, offset + rows[k] * targetSize, out, k * targetSize, targetSize);
        }
        return new RegressionTargets(out, 0, rows.length, targetSize);
    }

    @Override
    public RegressionTargets slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return new RegressionTargets(values, offset + from * targetSize, to - from, targetSize);
    }

    @Override
    public String toString() {
        return "RegressionTargets[" + size + " examples × " + targetSize + "]";
    }
}
