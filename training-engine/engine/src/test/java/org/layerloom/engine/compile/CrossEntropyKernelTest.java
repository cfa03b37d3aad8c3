package org.layerloom.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.sun.jna.Platform;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * libtorch's {@code cross_entropy_loss}, reached through JNA, against the same loss built from DJL's operations:
 * value and gradient on batches of several sizes, and a refusal, with nothing run, for every input the operator
 * would throw on (a C++ error would end the process).
 */
class CrossEntropyKernelTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        Engine.getInstance();
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void libtorch_offers_the_kernel_on_x86_64_linux() {
        assumeTrue(Platform.isLinux() && Platform.isIntel() && Platform.is64Bit());
        assertThat(CrossEntropyKernel.find()).as("cross_entropy_loss of libtorch 2.7.1, checked against the operations")
                .isPresent();
    }

    @Test
    void value_and_gradient_equal_log_softmax_gather_and_mean() {
        CrossEntropyKernel kernel = CrossEntropyKernel.find().orElse(null);
        assumeTrue(kernel != null);
        Random random = new Random(11);
        for (int rows : new int[] {1, 5, 64, 300}) {
            int classes = rows == 300 ? 1000 : 10;
            float[] scores = new float[rows * classes];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = (float) (random.nextGaussian() * 5);
            }
            long[] labels = new long[rows];
            for (int i = 0; i < rows; i++) {
                labels[i] = random.nextInt(classes);
            }
            NDArray target = manager.create(labels);
            float[][] fast = valueAndGradient(scores, rows, classes, x -> kernel.mean(x, target)
                    .orElseThrow());
            float[][] slow = valueAndGradient(scores, rows, classes, x -> x.logSoftmax(1)
                    .gather(target.reshape(rows, 1), 1).sum().div(-(float) rows));
            assertThat(fast[0][0]).as("loss of %d rows", rows)
                    .isCloseTo(slow[0][0], within(1e-6f * Math.max(1f, Math.abs(slow[0][0]))));
            for (int i = 0; i < slow[1].length; i++) {
                assertThat(fast[1][i]).as("gradient %d of %d rows", i, rows).isCloseTo(slow[1][i], within(1e-7f));
            }
        }
    }

    @Test
    void inputs_the_operator_would_throw_on_are_refused() {
        CrossEntropyKernel kernel = CrossEntropyKernel.find().orElse(null);
        assumeTrue(kernel != null);
        NDArray scores = manager.randomNormal(new Shape(3, 4));
        assertThat(kernel.mean(scores, manager.create(new long[] {0, 4, 1}))).as("class 4 of 4").isEmpty();
        assertThat(kernel.mean(scores, manager.create(new long[] {0, -1, 1}))).as("class -1").isEmpty();
        assertThat(kernel.mean(scores, manager.create(new long[] {0, 1}))).as("2 labels for 3 rows").isEmpty();
        assertThat(kernel.mean(scores, manager.create(new int[] {0, 1, 2}))).as("int32 labels").isEmpty();
        assertThat(kernel.mean(scores.toType(DataType.FLOAT64, false), manager.create(new long[] {0, 1, 2})))
                .as("float64 scores").isEmpty();
        assertThat(kernel.mean(scores.reshape(3, 2, 2), manager.create(new long[] {0, 1, 1}))).as("3-D scores")
                .isEmpty();
        assertThat(kernel.mean(manager.zeros(new Shape(0, 4)), manager.create(new long[0]))).as("no rows").isEmpty();
        assertThat(kernel.mean(scores, manager.create(new long[] {3, 0, 2}))).as("in range").isPresent();
    }

    @Test
    void the_loss_still_reports_a_class_beyond_the_scores_as_an_engine_error() {
        NDArray scores = manager.randomNormal(new Shape(2, 3));
        SparseSoftmaxCrossEntropyLoss loss = new SparseSoftmaxCrossEntropyLoss("ce");
        assertThatThrownBy(() -> loss.evaluate(new NDList(manager.create(new long[] {1, 7})), new NDList(scores)))
                .isInstanceOf(EngineException.class);
    }

    @Test
    void the_loss_takes_scores_of_a_sequence_through_the_kernel_with_the_same_value() {
        NDArray scores = manager.randomNormal(new Shape(2, 3, 5));
        NDArray labels = manager.create(new long[] {4, 0, 2, 1, 3, 3}, new Shape(2, 3));
        float value = new SparseSoftmaxCrossEntropyLoss("ce").evaluate(new NDList(labels), new NDList(scores))
                .getFloat();
        float expected = scores.logSoftmax(2).gather(labels.reshape(2, 3, 1), 2).sum().div(-6f).getFloat();
        assertThat(value).isCloseTo(expected, within(1e-6f));
    }

    private float[][] valueAndGradient(float[] values, int rows, int classes, UnaryOperator<NDArray> loss) {
        NDArray scores = manager.create(values, new Shape(rows, classes));
        scores.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray value = loss.apply(scores);
            collector.backward(value);
            return new float[][] {{value.getFloat()}, scores.getGradient().toFloatArray()};
        }
    }
}
