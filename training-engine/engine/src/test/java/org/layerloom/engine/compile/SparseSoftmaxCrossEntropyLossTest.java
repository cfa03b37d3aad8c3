package org.layerloom.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SparseSoftmaxCrossEntropyLoss} gives DJL's softmax cross-entropy, value and gradient, for the label
 * layouts that reach it (int64 [N], [N, 1], float class numbers). PyTorch itself is the reference in
 * {@code TorchReferenceLossTest}; this pins the change of implementation.
 */
class SparseSoftmaxCrossEntropyLossTest {

    @Test
    void equals_djl_softmax_cross_entropy_in_value_and_gradient() {
        Random random = new Random(7);
        for (int rows : new int[] {1, 5, 64}) {
            float[] scores = new float[rows * 10];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = (float) (random.nextGaussian() * 4);
            }
            long[] classes = new long[rows];
            for (int i = 0; i < rows; i++) {
                classes[i] = random.nextInt(10);
            }
            float[][] ours = valueAndGradient(new SparseSoftmaxCrossEntropyLoss("ce"), scores, classes, rows);
            float[][] djl = valueAndGradient(Loss.softmaxCrossEntropyLoss("ce"), scores, classes, rows);
            assertThat(ours[0][0]).isCloseTo(djl[0][0], within(1e-6f * Math.max(1f, Math.abs(djl[0][0]))));
            for (int i = 0; i < djl[1].length; i++) {
                assertThat(ours[1][i]).as("gradient %d of %d rows", i, rows).isCloseTo(djl[1][i], within(1e-7f));
            }
        }
    }

    @Test
    void accepts_labels_as_a_column_or_as_float_class_numbers() {
        float[] scores = {1f, 2f, 3f, -1f, 0f, 1f};
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray predictions = manager.create(scores, new Shape(2, 3));
            Loss loss = new SparseSoftmaxCrossEntropyLoss("ce");
            float flat = loss.evaluate(new NDList(manager.create(new long[] {2, 0})), new NDList(predictions))
                    .getFloat();
            float column = loss.evaluate(new NDList(manager.create(new long[] {2, 0}, new Shape(2, 1))),
                    new NDList(predictions)).getFloat();
            float floats = loss.evaluate(new NDList(manager.create(new float[] {2f, 0f})), new NDList(predictions))
                    .getFloat();
            double expected = (-Math.log(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)))
                    - Math.log(Math.exp(-1) / (Math.exp(-1) + Math.exp(0) + Math.exp(1)))) / 2;
            assertThat((double) flat).isCloseTo(expected, within(1e-6));
            assertThat(column).isEqualTo(flat);
            assertThat(floats).isEqualTo(flat);
        }
    }

    private static float[][] valueAndGradient(Loss loss, float[] scores, long[] classes, int rows) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray predictions = manager.create(scores, new Shape(rows, 10));
            predictions.setRequiresGradient(true);
            NDArray labels = manager.create(classes).toType(DataType.INT64, false);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray value = loss.evaluate(new NDList(labels), new NDList(predictions));
                collector.backward(value);
                return new float[][] {{value.getFloat()}, predictions.getGradient().toFloatArray()};
            }
        }
    }
}
