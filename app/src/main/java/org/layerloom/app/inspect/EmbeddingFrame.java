package org.layerloom.app.inspect;

import org.layerloom.engine.inspect.EmbeddingProjection;
import org.layerloom.engine.train.event.EmbeddingProjected;

/**
 * The embedding view after one epoch: the last hidden layer's outputs on test examples projected on two
 * principal axes, each point's class, and the fraction of variance each axis explains. Immutable; any thread.
 *
 * @param epoch the epoch after which it was taken (0 for a saved run's final network)
 */
public record EmbeddingFrame(int epoch, String nodeId, float[] x, float[] y, int[] labels,
                             double[] explainedVariance) {

    public static EmbeddingFrame of(EmbeddingProjected event) {
        return new EmbeddingFrame(event.epoch(), event.nodeId(), event.x(), event.y(), event.labels(),
                event.explainedVariance());
    }

    public static EmbeddingFrame of(EmbeddingProjection projection, int epoch) {
        return new EmbeddingFrame(epoch, projection.nodeId(), projection.x(), projection.y(), projection.labels(),
                projection.explainedVariance());
    }

    /** The variance explained by the first two axes, e.g. "PC 1: 34 %, PC 2: 18 % of the variance". */
    public String varianceText() {
        double a = explainedVariance.length > 0 ? explainedVariance[0] : 0;
        double b = explainedVariance.length > 1 ? explainedVariance[1] : 0;
        return String.format(java.util.Locale.ROOT, "PC 1 explains %.0f %%, PC 2 %.0f %% of the variance", 100 * a,
                100 * b);
    }
}
