package org.layerloom.engine.imports.keras;

import java.util.Arrays;

/**
 * One weight array as a Keras file holds it: its role in the layer ({@code kernel}, {@code bias},
 * {@code moving_mean}, …; null where the file names weights only by position, as the {@code vars/0, 1, …} of
 * a {@code .keras} file do), its Keras shape and its values in C order. Immutable (copies in and out); any
 * thread.
 */
record KerasArray(String role, long[] shape, float[] values) {

    KerasArray {
        shape = shape.clone();
        values = values.clone();
        long count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (count != values.length) {
            throw new KerasFormatException("A weight array of shape " + Arrays.toString(shape) + " holds "
                    + values.length + " numbers instead of " + count + ".");
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** The same array with a role, for files that name weights by position. */
    KerasArray withRole(String newRole) {
        return new KerasArray(newRole, shape, values);
    }

    String shapeText() {
        return Arrays.toString(shape);
    }
}
