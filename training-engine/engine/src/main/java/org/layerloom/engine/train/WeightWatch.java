package org.layerloom.engine.train;

import java.util.Objects;

/**
 * Which weight element a step records: a trainable parameter by its name in the network (as
 * {@code BatchStepped.parameters()} lists them, e.g. {@code "hidden1_weight"}) and the element's index in the
 * parameter's values flattened in row-major order. Immutable; any thread.
 */
public record WeightWatch(String parameter, long flatIndex) {

    public WeightWatch {
        Objects.requireNonNull(parameter, "parameter");
        if (flatIndex < 0) {
            throw new IllegalArgumentException("a weight's index cannot be negative, not " + flatIndex);
        }
    }

    /** The element at {@code index} (one number per dimension) of a parameter shaped {@code shape}. */
    public static WeightWatch at(String parameter, int[] shape, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(parameter + " has " + shape.length + " dimensions, but the index has "
                    + index.length);
        }
        long flat = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IllegalArgumentException("index " + index[d] + " of dimension " + (d + 1) + " of "
                        + parameter + " lies outside 0.." + (shape[d] - 1));
            }
            flat = flat * shape[d] + index[d];
        }
        return new WeightWatch(parameter, flat);
    }

    /** The index, one number per dimension, of the flat index {@code flat} in a parameter shaped {@code shape}. */
    public static int[] coordinates(long flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = (int) (flat % shape[d]);
            flat /= shape[d];
        }
        return index;
    }
}
