package org.layerloom.engine.data;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Real-valued inputs (pixels, coordinates, measurements) as one {@code float} array, row-major. Slices share
 * the array; nothing can change it after construction. For a bulk copy into a native tensor use
 * {@link #buffer()}, a read-only view that costs no copy. Immutable; any thread.
 */
public final class RealFeatures implements FeatureBlock {

    private final float[] values;
    private final int offset;
    private final int length;

    private RealFeatures(float[] values, int offset, int length) {
        this.values = values;
        this.offset = offset;
        this.length = length;
    }

    /** A block holding a copy of {@code values}. */
    public static RealFeatures copyOf(float[] values) {
        return owning(values.clone());
    }

    /** Takes ownership of {@code values} without copying; the caller must never touch the array again. */
    public static RealFeatures owning(float[] values) {
        return new RealFeatures(Objects.requireNonNull(values, "values"), 0, values.length);
    }

    @Override
    public int length() {
        return length;
    }

    /** The value at {@code index}, counting from the start of this block. */
    public float get(int index) {
        Objects.checkIndex(index, length);
        return values[offset + index];
    }

    /** A fresh read-only view of all values, positioned at 0 with limit {@link #length()}; no copy. */
    public FloatBuffer buffer() {
        return FloatBuffer.wrap(values, offset, length).slice().asReadOnlyBuffer();
    }

    /** A copy of the values. */
    public float[] toArray() {
        return Arrays.copyOfRange(values, offset, offset + length);
    }

    @Override
    public RealFeatures gather(int[] rows, int rowLength) {
        float[] out = new float[Math.multiplyExact(rows.length, rowLength)];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(values, offset + rows[k] * rowLength, out, k * rowLength, rowLength);
        }
        return owning(out);
    }

    @Override
    public RealFeatures slice(int from, int to) {
        Objects.checkFromToIndex(from, to, length);
        return new RealFeatures(values, offset + from, to - from);
    }

    @Override
    public String toString() {
        return "RealFeatures[" + length + " values]";
    }
}
