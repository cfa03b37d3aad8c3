package org.layerloom.engine.train;

import java.util.Arrays;
import java.util.Objects;

/**
 * The output of one node of a network for one example, as plain numbers: its shape without the batch
 * axis (e.g. {@code [16]} or {@code [32, 26, 26]}) and its values in row-major order (token ids as
 * floats). Immutable; any thread.
 */
public record NodeActivation(String nodeId, long[] shape, float[] values) {

    public NodeActivation {
        Objects.requireNonNull(nodeId, "nodeId");
        shape = shape.clone();
        values = values.clone();
        long size = 1;
        for (long dim : shape) {
            size *= dim;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + values.length
                    + " values");
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

    @Override
    public boolean equals(Object other) {
        return other instanceof NodeActivation a && nodeId.equals(a.nodeId) && Arrays.equals(shape, a.shape)
                && Arrays.equals(values, a.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeId, Arrays.hashCode(shape), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "NodeActivation[" + nodeId + " " + Arrays.toString(shape) + "]";
    }
}
