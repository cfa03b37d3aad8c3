package org.layerloom.engine.tensor;

import java.util.Arrays;

/**
 * An immutable block of numbers with a shape, the one array type of the events and the inspect values:
 * e.g. one node's output {@code (channels, height, width)}, a decision map's probabilities
 * {@code (rows, columns, classes)} or a projection's coordinates {@code (2, points)}. The values are in
 * row-major order (the last axis varies fastest). Arrays are copied in and out; {@link #value(int)} reads
 * one number without a copy. Two tensors are equal when their shapes and values are. It has a package of
 * its own, next to the events that carry it, so that the editor can paint one without seeing the training
 * events. Immutable; any thread.
 *
 * @param shape  the size of each axis, none negative; empty for a single number
 * @param values the numbers, as many as the sizes multiply to
 */
public record FloatTensor(int[] shape, float[] values) {

    public FloatTensor {
        shape = shape.clone();
        values = values.clone();
        long size = 1;
        for (int dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative size in shape " + Arrays.toString(shape));
            }
            size *= dim;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + values.length
                    + " values");
        }
    }

    /** A vector: shape {@code (values.length)}. */
    public static FloatTensor vector(float... values) {
        return new FloatTensor(new int[] {values.length}, values);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** The number of axes. */
    public int rank() {
        return shape.length;
    }

    /** The size of axis {@code axis}. */
    public int dim(int axis) {
        return shape[axis];
    }

    /** The number of values. */
    public int size() {
        return values.length;
    }

    /** The value at flat (row-major) index {@code index}, without a copy. */
    public float value(int index) {
        return values[index];
    }

    /**
     * Entry {@code index} of the first axis, with the remaining axes: e.g. feature map {@code c} of a
     * (C, H, W) output as an (H, W) tensor, or unit {@code u}'s map of a (units, rows, columns) block.
     */
    public FloatTensor slice(int index) {
        if (shape.length == 0) {
            throw new IllegalStateException("a single number has no axis to slice");
        }
        java.util.Objects.checkIndex(index, shape[0]);
        int[] rest = Arrays.copyOfRange(shape, 1, shape.length);
        int area = shape[0] == 0 ? 0 : values.length / shape[0];
        return new FloatTensor(rest, Arrays.copyOfRange(values, index * area, (index + 1) * area));
    }

    /** The smallest value (NaN when empty), e.g. for the low end of a colour scale. */
    public float min() {
        float min = values.length == 0 ? Float.NaN : Float.POSITIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    /** The largest value (NaN when empty). */
    public float max() {
        float max = values.length == 0 ? Float.NaN : Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FloatTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
