package org.layerloom.editor.model;

import java.util.Arrays;

/**
 * A small picture of one node's activation to draw on its card: values of shape (C, H, W) (feature maps),
 * (T, F) (a sequence) or (F) (a vector), with the range for the colour scale. The app fills it from the
 * engine's activation previews. Immutable (arrays are copied); any thread.
 */
public record NodePreview(int[] shape, float[] values, float min, float max) {

    public NodePreview {
        shape = shape.clone();
        values = values.clone();
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (shape.length < 1 || shape.length > 3 || size != values.length) {
            throw new IllegalArgumentException("a preview needs 1 to 3 dimensions that hold its "
                    + values.length + " values, not " + Arrays.toString(shape));
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** The value at flat index {@code i} (no copy). */
    public float value(int i) {
        return values[i];
    }

    public int dimension(int axis) {
        return shape[axis];
    }

    public int rank() {
        return shape.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NodePreview p && Arrays.equals(shape, p.shape) && Arrays.equals(values, p.values)
                && min == p.min && max == p.max;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "NodePreview" + Arrays.toString(shape);
    }
}
