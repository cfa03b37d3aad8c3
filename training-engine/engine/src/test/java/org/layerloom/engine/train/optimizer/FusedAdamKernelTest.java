package org.layerloom.engine.train.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.tracker.Tracker;
import com.sun.jna.Platform;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * libtorch's fused Adam step, reached through JNA, against our step operation by operation: a whole step of
 * three parameters ({@code updateAll}) must give the weights and moments that updating them one by one gives.
 */
class FusedAdamKernelTest {

    private static final long[][] SHAPES = {{16, 30}, {16}, {3, 4, 5, 6}};

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
        assertThat(FusedAdamKernel.find()).as("the fused Adam of libtorch 2.7.1, checked against the rule").isPresent();
    }

    @Test
    void a_fused_step_of_adam_with_decay_equals_the_step_parameter_by_parameter() {
        compareOverSteps(AdamOptimizer.adam(Tracker.fixed(0.01f), 0.9, 0.999, 1e-8, 0.05),
                AdamOptimizer.adam(Tracker.fixed(0.01f), 0.9, 0.999, 1e-8, 0.05));
    }

    @Test
    void a_fused_step_of_adamw_equals_the_step_parameter_by_parameter() {
        compareOverSteps(AdamOptimizer.adamW(Tracker.fixed(0.003f), 0.8, 0.99, 1e-6, 0.1),
                AdamOptimizer.adamW(Tracker.fixed(0.003f), 0.8, 0.99, 1e-6, 0.1));
    }

    @Test
    void arrays_the_kernel_cannot_take_are_refused_untouched() {
        FusedAdamKernel kernel = FusedAdamKernel.find().orElse(null);
        assumeTrue(kernel != null);
        NDArray weight = manager.ones(new Shape(4));
        NDArray[] moments = {manager.zeros(new Shape(4)), manager.zeros(new Shape(4))};
        NDArray otherShape = manager.ones(new Shape(5));
        NDArray doubles = manager.ones(new Shape(4), DataType.FLOAT64);
        assertThat(kernel.update(new NDArray[] {weight}, new NDArray[] {otherShape}, new NDArray[] {moments[0]},
                new NDArray[] {moments[1]}, 1, null, 0.1, 0.9, 0.999, 0, 1e-8, false)).isFalse();
        assertThat(kernel.update(new NDArray[] {weight}, new NDArray[] {doubles}, new NDArray[] {moments[0]},
                new NDArray[] {moments[1]}, 1, null, 0.1, 0.9, 0.999, 0, 1e-8, false)).isFalse();
        assertThat(kernel.update(new NDArray[] {weight}, new NDArray[] {weight.duplicate()},
                new NDArray[] {moments[0]}, new NDArray[] {moments[1]}, 0, null, 0.1, 0.9, 0.999, 0, 1e-8, false))
                .as("step 0").isFalse();
        assertThat(weight.toFloatArray()).containsOnly(1f);
        assertThat(moments[0].toFloatArray()).containsOnly(0f);
    }

    @Test
    void parameters_at_different_steps_are_updated_one_by_one() {
        AdamOptimizer together = AdamOptimizer.adam(Tracker.fixed(0.01f), 0.9, 0.999, 1e-8, 0);
        AdamOptimizer apart = AdamOptimizer.adam(Tracker.fixed(0.01f), 0.9, 0.999, 1e-8, 0);
        NDArray[] a = weights(new Random(4));
        NDArray[] b = copies(a);
        String[] ids = ids();
        Random gradients = new Random(5);
        NDArray early = gradient(gradients, a[0].getShape());
        together.update(ids[0], a[0], early.duplicate());
        apart.update(ids[0], b[0], early.duplicate());
        NDArray[] grads = gradients(gradients);
        together.updateAll(ids, a, copies(grads));
        for (int i = 0; i < ids.length; i++) {
            apart.update(ids[i], b[i], grads[i].duplicate());
        }
        assertThat(together.steps(ids[0])).isEqualTo(2);
        assertThat(together.steps(ids[1])).isEqualTo(1);
        for (int i = 0; i < ids.length; i++) {
            assertThat(a[i].toFloatArray()).containsExactly(b[i].toFloatArray());
        }
    }

    private void compareOverSteps(AdamOptimizer together, AdamOptimizer apart) {
        NDArray[] a = weights(new Random(1));
        NDArray[] b = copies(a);
        String[] ids = ids();
        Random gradients = new Random(2);
        for (int step = 1; step <= 5; step++) {
            NDArray[] grads = gradients(gradients);
            together.updateAll(ids, a, copies(grads));
            for (int i = 0; i < ids.length; i++) {
                apart.update(ids[i], b[i], grads[i].duplicate());
            }
        }
        for (int i = 0; i < ids.length; i++) {
            assertClose(a[i], b[i], ids[i] + " weight");
            for (long k = 0; k < a[i].size(); k += 7) {
                OptimizerState fused = together.stateOf(ids[i], k);
                OptimizerState plain = apart.stateOf(ids[i], k);
                for (String moment : new String[] {"m", "v"}) {
                    assertThat(fused.values().get(moment)).as("%s %s [%d]", ids[i], moment, k)
                            .isCloseTo(plain.values().get(moment), within(2e-7 * Math.max(1,
                                    Math.abs(plain.values().get(moment)))));
                }
            }
            assertThat(together.steps(ids[i])).isEqualTo(5);
        }
        assertThat(a[0].sub(weights(new Random(1))[0]).abs().max().getFloat())
                .as("the weights moved").isGreaterThan(1e-3f);
    }

    private static void assertClose(NDArray actual, NDArray expected, String what) {
        float[] x = actual.toFloatArray();
        float[] y = expected.toFloatArray();
        for (int k = 0; k < y.length; k++) {
            assertThat((double) Math.abs(x[k] - y[k])).as("%s [%d]: %s against %s", what, k, x[k], y[k])
                    .isLessThanOrEqualTo(2e-7 * Math.max(1, Math.abs(y[k])) + 1e-9);
        }
    }

    private static String[] ids() {
        String[] ids = new String[SHAPES.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "p" + i;
        }
        return ids;
    }

    private NDArray[] weights(Random random) {
        NDArray[] weights = new NDArray[SHAPES.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = gradient(random, new Shape(SHAPES[i]));
        }
        return weights;
    }

    private NDArray[] gradients(Random random) {
        return weights(random);
    }

    private NDArray gradient(Random random, Shape shape) {
        float[] values = new float[(int) shape.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = (float) random.nextGaussian();
        }
        return manager.create(values, shape);
    }

    private static NDArray[] copies(NDArray[] arrays) {
        NDArray[] copies = new NDArray[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            copies[i] = arrays[i].duplicate();
        }
        return copies;
    }
}
