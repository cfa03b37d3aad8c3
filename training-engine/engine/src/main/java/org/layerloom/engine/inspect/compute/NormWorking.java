package org.layerloom.engine.inspect.compute;

import java.util.Objects;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * A BatchNorm or LayerNorm computation: y = (x − μ) / √(σ² + ε) · γ + β. BatchNorm at inference uses its
 * running mean and variance per channel (feature maps) or per feature (last axis); LayerNorm computes μ
 * and σ² of each example's row (last axis), or of the whole (C, H, W) block of feature maps, with γ and β
 * per element of that row. Immutable; any thread.
 *
 * @param mean     BatchNorm's running mean per channel; null for LayerNorm
 * @param variance BatchNorm's running variance per channel; null for LayerNorm
 */
public record NormWorking(String nodeId, LayerKind kind, FloatTensor input, FloatTensor gamma, FloatTensor beta,
                          FloatTensor mean, FloatTensor variance, double epsilon) implements LayerWorking {

    /** One element's step: x, the μ and σ² used, (x − μ)/√(σ² + ε), γ, β and y. */
    public record Step(int index, int group, double x, double mean, double variance, double normalised,
                       double gamma, double beta, double output) {
    }

    public NormWorking {
        Objects.requireNonNull(nodeId, "nodeId");
        if (kind == LayerKind.BATCH_NORM) {
            Objects.requireNonNull(mean, "running mean");
            Objects.requireNonNull(variance, "running variance");
        } else if (kind != LayerKind.LAYER_NORM) {
            throw new IllegalArgumentException(kind + " is not a normalisation");
        }
    }

    private boolean image() {
        return input.rank() == 3;
    }

    /** The number of groups sharing one μ and σ²: channels/features (BatchNorm) or rows (LayerNorm). */
    public int groups() {
        if (kind == LayerKind.BATCH_NORM) {
            return image() ? input.dim(0) : Numbers.last(input);
        }
        return image() ? 1 : input.size() / Numbers.last(input);
    }

    /** The group of element {@code index}. */
    public int groupOf(int index) {
        if (kind == LayerKind.BATCH_NORM) {
            return image() ? index / (input.dim(1) * input.dim(2)) : index % Numbers.last(input);
        }
        return index / groupSize();
    }

    private int groupSize() {
        return input.size() / groups();
    }

    private int affineIndex(int index) {
        return kind == LayerKind.BATCH_NORM ? groupOf(index) : index % groupSize();
    }

    /** μ of group {@code g}: the running mean (BatchNorm) or the mean of the row (LayerNorm). */
    public double groupMean(int g) {
        if (kind == LayerKind.BATCH_NORM) {
            return mean.value(g);
        }
        double sum = 0;
        for (int i = g * groupSize(); i < (g + 1) * groupSize(); i++) {
            sum += input.value(i);
        }
        return sum / groupSize();
    }

    /** σ² of group {@code g}: the running variance, or the row's biased variance (as PyTorch). */
    public double groupVariance(int g) {
        if (kind == LayerKind.BATCH_NORM) {
            return variance.value(g);
        }
        double mu = groupMean(g);
        double sum = 0;
        for (int i = g * groupSize(); i < (g + 1) * groupSize(); i++) {
            sum += (input.value(i) - mu) * (input.value(i) - mu);
        }
        return sum / groupSize();
    }

    public Step step(int index) {
        Objects.checkIndex(index, input.size());
        int g = groupOf(index);
        return step(index, g, groupMean(g), groupVariance(g));
    }

    private Step step(int index, int g, double mu, double var) {
        double x = input.value(index);
        double n = (x - mu) / Math.sqrt(var + epsilon);
        double gm = gamma.value(affineIndex(index));
        double bt = beta.value(affineIndex(index));
        return new Step(index, g, x, mu, var, n, gm, bt, n * gm + bt);
    }

    @Override
    public FloatTensor output() {
        double[] mu = new double[groups()];
        double[] var = new double[groups()];
        for (int g = 0; g < groups(); g++) {
            mu[g] = groupMean(g);
            var[g] = groupVariance(g);
        }
        double[] out = new double[input.size()];
        for (int i = 0; i < out.length; i++) {
            int g = groupOf(i);
            out[i] = step(i, g, mu[g], var[g]).output();
        }
        return Numbers.tensor(input.shape(), out);
    }
}
