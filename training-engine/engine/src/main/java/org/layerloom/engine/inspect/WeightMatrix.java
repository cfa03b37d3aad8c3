package org.layerloom.engine.inspect;

import java.util.Arrays;
import java.util.Objects;

/**
 * The weight matrix of a Dense node for a heatmap: one row of {@code inputs} weights per unit (DJL's
 * (units, inputs) order), with statistics for the colour scale. When a unit reads 784 inputs (a
 * flattened 28 × 28 image) its row is also a 28 × 28 picture of what it looks for. Immutable; any thread.
 */
public record WeightMatrix(String nodeId, int units, int inputs, float[] weights, ArrayStats stats) {

    /** The side of the square image a row shows (28 for 784 inputs), 0 when rows are not images. */
    public static final int IMAGE_SIDE = 28;

    public WeightMatrix {
        Objects.requireNonNull(nodeId, "nodeId");
        weights = weights.clone();
        if ((long) units * inputs != weights.length) {
            throw new IllegalArgumentException("the weights do not fill " + units + "×" + inputs);
        }
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }

    /** The weights of {@code unit}, one per input. */
    public float[] row(int unit) {
        Objects.checkIndex(unit, units);
        return Arrays.copyOfRange(weights, unit * inputs, (unit + 1) * inputs);
    }

    /** Whether every row is a 28 × 28 image. */
    public boolean hasImageRows() {
        return inputs == IMAGE_SIDE * IMAGE_SIDE;
    }

    /** The weights of {@code unit} as a 28 × 28 image, row by row. */
    public float[] unitImage(int unit) {
        if (!hasImageRows()) {
            throw new IllegalStateException(nodeId + " reads " + inputs + " inputs, not a 28×28 image");
        }
        return row(unit);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeightMatrix m && nodeId.equals(m.nodeId) && units == m.units && inputs == m.inputs
                && Arrays.equals(weights, m.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeId, units, inputs, Arrays.hashCode(weights));
    }

    @Override
    public String toString() {
        return "WeightMatrix[" + nodeId + " " + units + "×" + inputs + "]";
    }
}
