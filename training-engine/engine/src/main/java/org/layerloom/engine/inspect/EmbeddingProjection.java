package org.layerloom.engine.inspect;

import java.util.Arrays;

/**
 * The embedding view's data: each example's hidden representation (the output of {@code nodeId})
 * projected on its first two principal axes, with its label, its index in the split and the fraction of
 * variance each axis explains. Immutable; any thread.
 */
public record EmbeddingProjection(String nodeId, float[] x, float[] y, int[] labels, int[] indices,
                                  double[] explainedVariance) {

    public EmbeddingProjection {
        x = x.clone();
        y = y.clone();
        labels = labels.clone();
        indices = indices.clone();
        explainedVariance = explainedVariance.clone();
    }

    @Override
    public float[] x() {
        return x.clone();
    }

    @Override
    public float[] y() {
        return y.clone();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmbeddingProjection p && nodeId.equals(p.nodeId) && Arrays.equals(x, p.x)
                && Arrays.equals(y, p.y) && Arrays.equals(labels, p.labels) && Arrays.equals(indices, p.indices);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "EmbeddingProjection[" + nodeId + ", " + x.length + " points]";
    }
}
