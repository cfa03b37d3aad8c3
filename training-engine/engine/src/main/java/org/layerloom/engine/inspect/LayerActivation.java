package org.layerloom.engine.inspect;

import java.util.Arrays;
import java.util.Objects;
import org.layerloom.engine.graph.LayerKind;

/**
 * One node's output for one example, as plain numbers: the node, its layer kind, the shape without the
 * batch axis (e.g. {@code [32, 26, 26]}), the values in row-major order (token ids as floats), how to
 * draw it and its statistics. Immutable (arrays are copied in and out); any thread.
 */
public record LayerActivation(String nodeId, LayerKind kind, int[] shape, float[] values, ActivationLayout layout,
                              ArrayStats stats) {

    public LayerActivation {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(stats, "stats");
        shape = shape.clone();
        values = values.clone();
        if (Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b) != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + values.length
                    + " values");
        }
    }

    /** An activation with its layout and statistics worked out from the numbers. */
    public static LayerActivation of(String nodeId, LayerKind kind, int[] shape, float[] values, boolean tokenIds) {
        return new LayerActivation(nodeId, kind, shape, values, ActivationLayout.of(shape, tokenIds),
                ArrayStats.of(values));
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** The number of values. */
    public int size() {
        return values.length;
    }

    /** Feature map {@code channel} of a (C, H, W) activation, H·W values row by row. */
    public float[] featureMap(int channel) {
        if (layout != ActivationLayout.FEATURE_MAPS) {
            throw new IllegalStateException(nodeId + " has no feature maps: its shape is " + Arrays.toString(shape));
        }
        int area = shape[1] * shape[2];
        Objects.checkIndex(channel, shape[0]);
        return Arrays.copyOfRange(values, channel * area, (channel + 1) * area);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LayerActivation a && nodeId.equals(a.nodeId) && kind == a.kind
                && Arrays.equals(shape, a.shape) && Arrays.equals(values, a.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeId, kind, Arrays.hashCode(shape), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "LayerActivation[" + nodeId + " " + kind + " " + Arrays.toString(shape) + " " + stats + "]";
    }
}
