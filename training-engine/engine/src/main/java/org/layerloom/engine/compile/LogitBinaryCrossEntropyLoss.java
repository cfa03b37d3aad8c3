package org.layerloom.engine.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * Binary cross-entropy on raw scores, as PyTorch's {@code binary_cross_entropy_with_logits} with mean
 * reduction: {@code mean(softplus(x) − x·y)}, whose gradient is {@code (σ(x) − y) / N} at every score.
 * DJL's {@code SigmoidBinaryCrossEntropyLoss} writes it as {@code relu(x) − x·y + softplus(−|x|)}: the
 * same value, but autograd takes the slopes of {@code relu} and {@code |x|} at 0 as 0, so a score of
 * exactly 0 (every fresh bias-only output, a zero-initialised layer) got the gradient {@code −y/N}
 * instead of {@code (0.5 − y)/N}. libtorch's softplus is stable for scores of any size. Labels are
 * 0 or 1, reshaped to the prediction's shape. Stateless apart from its name; one training run.
 */
final class LogitBinaryCrossEntropyLoss extends Loss {

    LogitBinaryCrossEntropyLoss(String name) {
        super(name);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray scores = predictions.singletonOrThrow();
        NDArray targets = labels.singletonOrThrow().reshape(scores.getShape());
        return Activation.softPlus(scores).sub(scores.mul(targets)).mean();
    }
}
