package org.layerloom.engine.inspect.compute;

import java.util.Objects;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * The loss of one example as the Output node measures it: softmax cross-entropy −log p(true class),
 * sigmoid binary cross-entropy −[y·log σ(z) + (1 − y)·log(1 − σ(z))], mean squared error mean((ŷ − y)²)
 * or L1 mean(|ŷ − y|), with the numbers that lead to it. Immutable; any thread.
 *
 * @param loss   the Output node's loss id (softmax_cross_entropy, sigmoid_binary_cross_entropy, mse, l1)
 * @param scores the network's raw outputs for the example
 * @param target the true class index as one number for the classifiers, the true values for regressions
 */
public record LossWorking(String nodeId, String loss, FloatTensor scores, FloatTensor target)
        implements LayerWorking {

    public LossWorking {
        Objects.requireNonNull(nodeId, "nodeId");
        switch (loss) {
            case "softmax_cross_entropy", "sigmoid_binary_cross_entropy" -> Numbers.requireSize("the label", target, 1);
            case "mse", "l1" -> Numbers.requireSize("the target", target, scores.size());
            default -> throw new IllegalArgumentException("unknown loss '" + loss + "'");
        }
    }

    @Override
    public LayerKind kind() {
        return LayerKind.OUTPUT;
    }

    /** The class probabilities of a classifier (softmax, or 1 − σ and σ of one score); the scores otherwise. */
    public double[] probabilities() {
        if (loss.equals("softmax_cross_entropy")) {
            return SoftmaxWorking.of(scores, 0, scores.size()).probabilities();
        }
        if (loss.equals("sigmoid_binary_cross_entropy")) {
            double p = ActivationFunction.sigmoid(scores.value(0));
            return new double[] {1 - p, p};
        }
        double[] out = new double[scores.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scores.value(i);
        }
        return out;
    }

    /** The true class of a classifier. */
    public int trueClass() {
        return Math.round(target.value(0));
    }

    /** The differences ŷᵢ − yᵢ of a regression. */
    public double[] differences() {
        double[] d = new double[scores.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = scores.value(i) - (double) target.value(i);
        }
        return d;
    }

    /** The loss value. */
    public double value() {
        return switch (loss) {
            case "softmax_cross_entropy" -> -Math.log(probabilities()[trueClass()]);
            case "sigmoid_binary_cross_entropy" -> {
                double z = scores.value(0);
                double y = target.value(0);
                // −[y·log σ(z) + (1 − y)·log(1 − σ(z))], in the stable form max(z, 0) − z·y + log(1 + e^−|z|)
                yield Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
            }
            case "mse" -> {
                double sum = 0;
                for (double d : differences()) {
                    sum += d * d;
                }
                yield sum / scores.size();
            }
            default -> {
                double sum = 0;
                for (double d : differences()) {
                    sum += Math.abs(d);
                }
                yield sum / scores.size();
            }
        };
    }

    @Override
    public FloatTensor output() {
        return new FloatTensor(new int[0], new float[] {(float) value()});
    }
}
