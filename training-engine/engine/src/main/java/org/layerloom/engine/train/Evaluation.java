package org.layerloom.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import java.util.function.UnaryOperator;
import org.layerloom.engine.compile.LossSpec;

/**
 * Runs a model over one split without training it and measures it: mean loss, and accuracy with the
 * confusion counts (classification) or MAE and MSE (regression). Worker thread only.
 */
final class Evaluation {

    /** The measures of one split; {@code metrics} is null for regression. */
    record Result(int examples, double loss, double accuracy, ClassificationMetrics metrics, double mae, double mse) {
    }

    private Evaluation() {
    }

    /**
     * @param forward the network in inference mode (e.g. {@code trainer::evaluate}); its outputs belong to
     *                the manager of its inputs
     */
    static Result run(UnaryOperator<NDList> forward, Loss loss, LossSpec spec, SplitArrays split, int batchSize,
                      int classes, NDManager parent) {
        return run(forward, loss, spec, split, batchSize, classes, parent, done -> { });
    }

    /** As above; {@code progress} is told the examples measured so far after each batch. */
    static Result run(UnaryOperator<NDList> forward, Loss loss, LossSpec spec, SplitArrays split, int batchSize,
                      int classes, NDManager parent, java.util.function.IntConsumer progress) {
        boolean classification = spec == LossSpec.SOFTMAX_CROSS_ENTROPY
                || spec == LossSpec.SIGMOID_BINARY_CROSS_ENTROPY;
        ClassificationMetrics metrics = classification ? new ClassificationMetrics(classes) : null;
        double lossSum = 0;
        double absSum = 0;
        double squareSum = 0;
        long values = 0;
        SplitArrays.Batches batches = split.inOrder(batchSize);
        int done = 0;
        for (int i = 0; i < batches.count(); i++) {
            try (NDManager scope = parent.newSubManager()) {
                NDList[] batch = batches.get(i, scope);
                NDArray labels = batch[1].head();
                NDList predictions = forward.apply(batch[0]);
                NDArray prediction = predictions.head();
                int n = (int) labels.getShape().get(0);
                lossSum += loss.evaluate(batch[1], predictions).getFloat() * n;
                if (classification) {
                    metrics.add(truth(labels, spec), predicted(prediction, spec));
                } else {
                    NDArray diff = prediction.sub(labels);
                    absSum += diff.abs().sum().getFloat();
                    squareSum += diff.square().sum().getFloat();
                    values += diff.size();
                }
                done += n;
            }
            progress.accept(done);
        }
        int examples = split.size();
        double meanLoss = examples == 0 ? Double.NaN : lossSum / examples;
        if (classification) {
            return new Result(examples, meanLoss, metrics.accuracy(), metrics, Double.NaN, Double.NaN);
        }
        return new Result(examples, meanLoss, Double.NaN, null, absSum / Math.max(1, values),
                squareSum / Math.max(1, values));
    }

    /** Correct answers in a batch, counted on the device. */
    static NDArray correctCount(NDArray prediction, NDArray labels, LossSpec spec) {
        if (spec == LossSpec.SOFTMAX_CROSS_ENTROPY) {
            return prediction.argMax(1).eq(labels).sum();
        }
        return prediction.gt(0).eq(labels.gt(0.5f)).sum();
    }

    private static int[] truth(NDArray labels, LossSpec spec) {
        return toInts(spec == LossSpec.SOFTMAX_CROSS_ENTROPY ? labels : labels.gt(0.5f).reshape(-1));
    }

    private static int[] predicted(NDArray prediction, LossSpec spec) {
        return toInts(spec == LossSpec.SOFTMAX_CROSS_ENTROPY ? prediction.argMax(1) : prediction.gt(0).reshape(-1));
    }

    private static int[] toInts(NDArray array) {
        return array.toType(ai.djl.ndarray.types.DataType.INT32, false).toIntArray();
    }
}
