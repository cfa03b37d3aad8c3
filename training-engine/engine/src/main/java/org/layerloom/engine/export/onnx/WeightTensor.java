package org.layerloom.engine.export.onnx;

import java.util.Arrays;

/**
 * One weight in PyTorch's {@code state_dict} layout: its shape and its values in row-major order, plus
 * the few layout changes ONNX needs (a transpose, rows taken or reordered in blocks). Plain data, free of
 * DJL. Immutable in use (the arrays are not copied; do not change them); any thread.
 */
public record WeightTensor(long[] shape, float[] values) {

    public WeightTensor {
        long size = 1;
        for (long d : shape) {
            size *= d;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + size
                    + " values, not " + values.length);
        }
    }

    /** The matrix transposed: (r, c) → (c, r). */
    WeightTensor transposed() {
        requireRank(2);
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[] t = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = values[r * cols + c];
            }
        }
        return new WeightTensor(new long[] {cols, rows}, t);
    }

    /**
     * The tensor cut along axis 0 into {@code blocks} equal blocks, put back in the order {@code order}
     * (block {@code order[i]} of this tensor becomes block i): PyTorch's gate order to ONNX's.
     */
    WeightTensor blocksReordered(int blocks, int... order) {
        int rowsPerBlock = Math.toIntExact(shape[0] / blocks);
        int rowSize = values.length / (int) shape[0];
        int blockSize = rowsPerBlock * rowSize;
        float[] out = new float[values.length];
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(values, order[i] * blockSize, out, i * blockSize, blockSize);
        }
        return new WeightTensor(shape, out);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) along axis 0. */
    WeightTensor rows(long from, long to) {
        int rowSize = values.length / (int) shape[0];
        long[] s = shape.clone();
        s[0] = to - from;
        return new WeightTensor(s, Arrays.copyOfRange(values, (int) from * rowSize, (int) to * rowSize));
    }

    /** The same values under a leading axis of 1: ONNX recurrent weights have one per direction. */
    WeightTensor withLeadingOne() {
        long[] s = new long[shape.length + 1];
        s[0] = 1;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return new WeightTensor(s, values);
    }

    /** This vector followed by {@code other}'s values, as one vector. */
    WeightTensor followedBy(WeightTensor other) {
        requireRank(1);
        other.requireRank(1);
        float[] joined = Arrays.copyOf(values, values.length + other.values.length);
        System.arraycopy(other.values, 0, joined, values.length, other.values.length);
        return new WeightTensor(new long[] {joined.length}, joined);
    }

    private void requireRank(int rank) {
        if (shape.length != rank) {
            throw new IllegalStateException("expected rank " + rank + ", got shape " + Arrays.toString(shape));
        }
    }
}
