package org.layerloom.engine.imports.onnx;

import java.util.Arrays;

/**
 * A constant of the ONNX graph (an initializer or a folded value) as plain Java arrays in row-major order:
 * float values for float tensors, long values for integer tensors (shapes, axes, indices). An integer
 * entry may be {@link #BATCH}, the symbolic batch size that {@code Shape} gives for axis 0. Immutable in
 * use (arrays are not copied; do not change them); one import, one thread.
 */
record Tensor(long[] shape, float[] floats, long[] longs) {

    /** The batch size, unknown until run time: what a folded {@code Shape} gives for axis 0. */
    static final long BATCH = Long.MIN_VALUE;

    static Tensor ofFloats(long[] shape, float[] values) {
        return new Tensor(shape, values, null);
    }

    static Tensor ofLongs(long[] shape, long[] values) {
        return new Tensor(shape, null, values);
    }

    boolean isFloat() {
        return floats != null;
    }

    int size() {
        return isFloat() ? floats.length : longs.length;
    }

    int rank() {
        return shape.length;
    }

    /** The values as longs (floats truncated), for shapes and axes given as float tensors. */
    long[] asLongs() {
        if (!isFloat()) {
            return longs;
        }
        long[] l = new long[floats.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = (long) floats[i];
        }
        return l;
    }

    /** The values as floats. */
    float[] asFloats() {
        if (isFloat()) {
            return floats;
        }
        float[] f = new float[longs.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = longs[i];
        }
        return f;
    }

    /** Whether this is a scalar (or a one-element tensor) holding {@code value} within {@code tolerance}. */
    boolean isScalar(double value, double tolerance) {
        return size() == 1 && Math.abs(asFloats()[0] - value) <= tolerance;
    }

    /** The only value of a one-element tensor. */
    float scalar() {
        return asFloats()[0];
    }

    /** The matrix transposed: (r, c) → (c, r). */
    Tensor transposed() {
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[] t = new float[floats.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = floats[r * cols + c];
            }
        }
        return ofFloats(new long[] {cols, rows}, t);
    }

    /** The same values under another shape of the same size. */
    Tensor reshaped(long... newShape) {
        return new Tensor(newShape, floats, longs);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) along axis 0. */
    Tensor rows(long from, long to) {
        int rowSize = floats.length / (int) shape[0];
        long[] s = shape.clone();
        s[0] = to - from;
        return ofFloats(s, Arrays.copyOfRange(floats, (int) from * rowSize, (int) to * rowSize));
    }

    /**
     * The tensor cut along axis 0 into {@code order.length} equal blocks, block i of the result being
     * block {@code order[i]} of this one.
     */
    Tensor blocks(int... order) {
        int blockSize = floats.length / order.length;
        float[] out = new float[floats.length];
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(floats, order[i] * blockSize, out, i * blockSize, blockSize);
        }
        return ofFloats(shape, out);
    }

    /** Tensors of the same trailing shape joined along axis 0. */
    static Tensor stacked(Tensor... parts) {
        int total = 0;
        long rows = 0;
        for (Tensor p : parts) {
            total += p.floats.length;
            rows += p.shape[0];
        }
        float[] joined = new float[total];
        int at = 0;
        for (Tensor p : parts) {
            System.arraycopy(p.floats, 0, joined, at, p.floats.length);
            at += p.floats.length;
        }
        long[] s = parts[0].shape.clone();
        s[0] = rows;
        return ofFloats(s, joined);
    }

    @Override
    public String toString() {
        return Arrays.toString(shape) + (isFloat() ? " float" : " int");
    }
}
