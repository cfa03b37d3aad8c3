package org.layerloom.engine.train.event;

import java.util.Arrays;
import java.util.Objects;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * The embedding view's data: the outputs of {@code nodeId} (the last hidden layer) on a sample of a split,
 * projected on their first two principal axes. {@code coordinates} has the shape (2, points): row 0 the
 * first axis, row 1 the second. Per point its class label and its index in the split; per axis the
 * fraction of variance it explains. Sent live in {@link EmbeddingProjected} and computed for a saved run
 * alike. Immutable (arrays are copied in and out); any thread.
 */
public record EmbeddingProjection(String nodeId, FloatTensor coordinates, int[] labels, int[] indices,
                                  double[] explainedVariance) {

    public EmbeddingProjection {
        Objects.requireNonNull(nodeId, "nodeId");
        if (coordinates.rank() != 2 || coordinates.dim(0) != 2 || coordinates.dim(1) != labels.length
                || labels.length != indices.length) {
            throw new IllegalArgumentException("need two coordinates, a label and an index per point, not "
                    + coordinates + ", " + labels.length + " labels, " + indices.length + " indices");
        }
        labels = labels.clone();
        indices = indices.clone();
        explainedVariance = explainedVariance.clone();
    }

    /** The projection of points ({@code x[i]}, {@code y[i]}). */
    public static EmbeddingProjection of(String nodeId, float[] x, float[] y, int[] labels, int[] indices,
                                         double[] explainedVariance) {
        float[] both = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, both, x.length, y.length);
        return new EmbeddingProjection(nodeId, new FloatTensor(new int[] {2, x.length}, both), labels, indices,
                explainedVariance);
    }

    /** The number of points. */
    public int size() {
        return labels.length;
    }

    /** Every point's coordinate on the first principal axis. */
    public float[] x() {
        return coordinates.slice(0).values();
    }

    /** Every point's coordinate on the second principal axis. */
    public float[] y() {
        return coordinates.slice(1).values();
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
        return other instanceof EmbeddingProjection p && nodeId.equals(p.nodeId) && coordinates.equals(p.coordinates)
                && Arrays.equals(labels, p.labels) && Arrays.equals(indices, p.indices)
                && Arrays.equals(explainedVariance, p.explainedVariance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeId, coordinates, Arrays.hashCode(labels), Arrays.hashCode(indices));
    }

    @Override
    public String toString() {
        return "EmbeddingProjection[" + nodeId + ", " + size() + " points]";
    }
}
