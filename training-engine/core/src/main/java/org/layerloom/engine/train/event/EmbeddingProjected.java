package org.layerloom.engine.train.event;

import java.util.Objects;

/**
 * The embedding view after epoch {@code epoch}: the outputs of {@code nodeId} (the last hidden layer) on
 * a fixed sample of the test split, projected on their first two principal axes ({@code x}, {@code y}),
 * with each example's class label, its index in the test split, and the fraction of variance each axis
 * explains. Immutable (arrays are copied); any thread.
 */
public record EmbeddingProjected(int epoch, String nodeId, float[] x, float[] y, int[] labels, int[] indices,
                                 double[] explainedVariance) implements TrainingEvent {

    public EmbeddingProjected {
        Objects.requireNonNull(nodeId, "nodeId");
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
    public void accept(TrainingEventVisitor visitor) {
        visitor.embeddingProjected(this);
    }

    @Override
    public String type() {
        return "embedding";
    }
}
