package org.layerloom.engine.train.event;

import java.util.Arrays;
import java.util.Objects;

/**
 * A small preview of one node's output for the first probe example, to draw on the graph: at most 8
 * feature maps of at most 14 × 14 (shape (C, H, W)), a sequence pooled to at most 16 × 16 (T, F), or a
 * vector pooled to at most 64 values (F), with the range of the values for the colour scale.
 * Immutable; any thread.
 */
public record ActivationThumbnail(String nodeId, int[] shape, float[] values, float min, float max) {

    public ActivationThumbnail {
        Objects.requireNonNull(nodeId, "nodeId");
        shape = shape.clone();
        values = values.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActivationThumbnail t && nodeId.equals(t.nodeId) && Arrays.equals(shape, t.shape)
                && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeId, Arrays.hashCode(shape), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "ActivationThumbnail[" + nodeId + " " + Arrays.toString(shape) + "]";
    }
}
