package org.layerloom.engine.train.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each optimizer against updates worked out by hand with PyTorch's formulas, on a parameter of three
 * values over three steps with known gradients.
 */
class OptimizerRulesTest {

    private static final double[] START = {1.0, -2.0, 0.5};
    private static final double[][] GRADS = {{0.5, -1.0, 0.0}, {0.25, 2.0, -0.5}, {-1.5, 0.5, 0.125}};

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void sgd_with_momentum_matches_hand_computed_steps() {
        // w = 1, g = 0.5, lr 0.1, μ 0.9: b = 0.5, w = 0.95; then g = 0.25: b = 0.7, w = 0.88
        double[][] w = run(new SgdOptimizer(Tracker.fixed(0.1f), 0.9, false, 0), 2);
        assertThat(w[0][0]).isCloseTo(0.95, within(1e-6));
        assertThat(w[1][0]).isCloseTo(0.88, within(1e-6));
        assertSteps(new SgdOptimizer(Tracker.fixed(0.1f), 0.9, false, 0.01), sgd(0.1, 0.9, false, 0.01));
    }

    @Test
    void sgd_plain_and_nesterov_match_hand_computed_steps() {
        assertSteps(new SgdOptimizer(Tracker.fixed(0.05f), 0, false, 0), sgd(0.05, 0, false, 0));
        // Nesterov: w = 1, g = 0.5, lr 0.1, μ 0.9: b = 0.5, w -= 0.1·(0.5 + 0.45) → 0.905
        assertThat(run(new SgdOptimizer(Tracker.fixed(0.1f), 0.9, true, 0), 1)[0][0]).isCloseTo(0.905, within(1e-6));
        assertSteps(new SgdOptimizer(Tracker.fixed(0.1f), 0.9, true, 0.01), sgd(0.1, 0.9, true, 0.01));
    }

    @Test
    void adam_matches_hand_computed_steps_with_bias_correction() {
        // The first Adam step moves every weight with a non-zero gradient by about lr, against its sign.
        double[][] w = run(AdamOptimizer.adam(Tracker.fixed(0.01f), 0.9, 0.999, 1e-8, 0), 1);
        assertThat(w[0]).containsExactly(new double[] {0.99, -1.99, 0.5}, within(1e-6));
        assertSteps(AdamOptimizer.adam(Tracker.fixed(0.01f), 0.9, 0.999, 1e-8, 0), adam(0.01, 0.9, 0.999, 1e-8, 0, false));
        assertSteps(AdamOptimizer.adam(Tracker.fixed(0.01f), 0.8, 0.99, 1e-3, 0.1), adam(0.01, 0.8, 0.99, 1e-3, 0.1, false));
    }

    @Test
    void adamw_decays_the_weights_apart_from_the_gradient() {
        assertSteps(AdamOptimizer.adamW(Tracker.fixed(0.01f), 0.9, 0.999, 1e-8, 0.1), adam(0.01, 0.9, 0.999, 1e-8, 0.1, true));
        // A zero gradient leaves Adam's step at 0, so only the decay moves the weight: 0.5 · (1 − 0.01 · 0.1).
        assertThat(run(AdamOptimizer.adamW(Tracker.fixed(0.01f), 0.9, 0.999, 1e-8, 0.1), 1)[0][2])
                .isCloseTo(0.5 * 0.999, within(1e-7));
    }

    @Test
    void rmsprop_and_adagrad_match_hand_computed_steps() {
        assertSteps(new RmsPropOptimizer(Tracker.fixed(0.01f), 0.99, 0, 1e-8, 0), rmsprop(0.01, 0.99, 0, 1e-8, 0));
        assertSteps(new RmsPropOptimizer(Tracker.fixed(0.01f), 0.9, 0.5, 1e-6, 0.01), rmsprop(0.01, 0.9, 0.5, 1e-6, 0.01));
        // Adagrad's first step: w −= lr · g / |g| = lr · sign(g).
        assertThat(run(new AdagradOptimizer(Tracker.fixed(0.1f), 1e-10, 0), 1)[0]).containsExactly(
                new double[] {0.9, -1.9, 0.5}, within(1e-6));
        assertSteps(new AdagradOptimizer(Tracker.fixed(0.1f), 1e-10, 0.01), adagrad(0.1, 1e-10, 0.01));
    }

    @Test
    void an_update_zeroes_the_gradient_for_the_next_backward_pass() {
        NDArray w = parameter();
        StatefulOptimizer adam = AdamOptimizer.adam(Tracker.fixed(0.01f), 0.9, 0.999, 1e-8, 0);
        step(adam, w, GRADS[0]);
        try (NDArray grad = w.getGradient()) {
            assertThat(grad.toFloatArray()).containsOnly(0f);
        }
        assertThat(adam.steps("w")).isEqualTo(1);
        adam.close();
    }

    @Test
    void saved_state_resumes_the_same_updates() throws IOException {
        StatefulOptimizer first = AdamOptimizer.adam(Tracker.fixed(0.01f), 0.9, 0.999, 1e-8, 0);
        NDArray w = parameter();
        ByteArrayOutputStream bytes = stateAfterTwoSteps(first, w);
        StatefulOptimizer second = AdamOptimizer.adam(Tracker.fixed(0.01f), 0.9, 0.999, 1e-8, 0);
        second.loadState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), manager,
                Map.of("w", new Shape(3)));
        assertThat(second.steps("w")).isEqualTo(2);
        NDArray copy = w.duplicate();
        copy.setRequiresGradient(true);
        step(first, w, GRADS[2]);
        step(second, copy, GRADS[2]);
        assertThat(copy.toFloatArray()).containsExactly(w.toFloatArray());

        StatefulOptimizer sgd = new SgdOptimizer(Tracker.fixed(0.1f), 0.9, false, 0);
        assertThatThrownBy(() -> sgd.loadState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                manager, Map.of("w", new Shape(3)))).isInstanceOf(IOException.class).hasMessageContaining("adam");
        assertThatThrownBy(() -> second.loadState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                manager, Map.of("w", new Shape(4)))).isInstanceOf(IOException.class).hasMessageContaining("shape");
        first.close();
        second.close();
    }

    @Test
    void a_weight_average_follows_the_weights_with_a_warming_up_decay_and_leaves_the_steps_alone() {
        double[][] plain = run(new SgdOptimizer(Tracker.fixed(0.1f), 0.9, false, 0), 3);
        StatefulOptimizer averaging = new SgdOptimizer(Tracker.fixed(0.1f), 0.9, false, 0).averageWeights(0.5);
        NDArray w = parameter();
        assertThat(averaging.averagedWeights("w")).isNull();
        double[] average = START.clone();
        for (int t = 1; t <= 3; t++) {
            step(averaging, w, GRADS[t - 1]);
            assertThat(w.toFloatArray()).as("the weights after step %d", t)
                    .containsExactly(floats(plain[t - 1]), within(1e-6f));
            // decay min(0.5, (1 + t) / (10 + t)): 2/11, 3/12, 4/13 (all below 0.5)
            double decay = Math.min(0.5, (1.0 + t) / (10.0 + t));
            for (int i = 0; i < 3; i++) {
                average[i] = decay * average[i] + (1 - decay) * plain[t - 1][i];
            }
            assertThat(averaging.averagedWeights("w").toFloatArray()).as("the average after step %d", t)
                    .containsExactly(floats(average), within(1e-6f));
        }
        averaging.close();
    }

    @Test
    void a_saved_weight_average_resumes_and_only_loads_into_an_averaging_optimizer() throws IOException {
        StatefulOptimizer first = AdamOptimizer.adam(Tracker.fixed(0.01f), 0.9, 0.999, 1e-8, 0).averageWeights(0.9);
        NDArray w = parameter();
        ByteArrayOutputStream bytes = stateAfterTwoSteps(first, w);
        StatefulOptimizer second = AdamOptimizer.adam(Tracker.fixed(0.01f), 0.9, 0.999, 1e-8, 0).averageWeights(0.9);
        second.loadState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), manager,
                Map.of("w", new Shape(3)));
        NDArray copy = w.duplicate();
        copy.setRequiresGradient(true);
        step(first, w, GRADS[2]);
        step(second, copy, GRADS[2]);
        assertThat(second.averagedWeights("w").toFloatArray()).containsExactly(first.averagedWeights("w").toFloatArray());

        StatefulOptimizer plain = AdamOptimizer.adam(Tracker.fixed(0.01f), 0.9, 0.999, 1e-8, 0);
        assertThatThrownBy(() -> plain.loadState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                manager, Map.of("w", new Shape(3)))).isInstanceOf(IOException.class)
                .hasMessageContaining("averages the weights");
        assertThatThrownBy(() -> first.averageWeights(0.5)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> plain.averageWeights(1.0)).isInstanceOf(IllegalArgumentException.class);
        first.close();
        second.close();
        plain.close();
    }

    /** Two steps of {@code optimizer} on {@code w} with the first two gradients, then its saved state. */
    private ByteArrayOutputStream stateAfterTwoSteps(StatefulOptimizer optimizer, NDArray w) throws IOException {
        step(optimizer, w, GRADS[0]);
        step(optimizer, w, GRADS[1]);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            optimizer.saveState(out);
        }
        return bytes;
    }

    private static float[] floats(double[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }

    // ---- the optimizer under test, step by step

    private void assertSteps(StatefulOptimizer optimizer, double[][] expected) {
        double[][] actual = run(optimizer, expected.length);
        for (int t = 0; t < expected.length; t++) {
            assertThat(actual[t]).as("after step %d", t + 1).containsExactly(expected[t], within(2e-6));
        }
    }

    /** The weights after each of the first {@code steps} updates. */
    private double[][] run(StatefulOptimizer optimizer, int steps) {
        NDArray w = parameter();
        double[][] after = new double[steps][];
        for (int t = 0; t < steps; t++) {
            step(optimizer, w, GRADS[t]);
            float[] values = w.toFloatArray();
            after[t] = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                after[t][i] = values[i];
            }
        }
        optimizer.close();
        return after;
    }

    private NDArray parameter() {
        NDArray w = manager.create(new float[] {(float) START[0], (float) START[1], (float) START[2]});
        w.setRequiresGradient(true);
        return w;
    }

    /** A backward pass of sum(w · g), whose gradient is g, then the update. */
    private void step(StatefulOptimizer optimizer, NDArray w, double[] g) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray target = scope.create(new float[] {(float) g[0], (float) g[1], (float) g[2]});
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(w.mul(target).sum());
            }
            NDArray grad = w.getGradient();
            grad.attach(scope);
            optimizer.update("w", w, grad);
        }
    }

    // ---- the same rules by hand, in doubles, as PyTorch documents them

    private static double[][] sgd(double lr, double mu, boolean nesterov, double decay) {
        double[] w = START.clone();
        double[] b = new double[3];
        double[][] out = new double[GRADS.length][];
        for (int t = 0; t < GRADS.length; t++) {
            for (int i = 0; i < 3; i++) {
                double g = GRADS[t][i] + decay * w[i];
                if (mu > 0) {
                    b[i] = t == 0 ? g : mu * b[i] + g;
                    g = nesterov ? g + mu * b[i] : b[i];
                }
                w[i] -= lr * g;
            }
            out[t] = w.clone();
        }
        return out;
    }

    private static double[][] adam(double lr, double b1, double b2, double eps, double decay, boolean decoupled) {
        double[] w = START.clone();
        double[] m = new double[3];
        double[] v = new double[3];
        double[][] out = new double[GRADS.length][];
        for (int t = 0; t < GRADS.length; t++) {
            int step = t + 1;
            for (int i = 0; i < 3; i++) {
                double g = GRADS[t][i];
                if (decoupled) {
                    w[i] *= 1 - lr * decay;
                } else {
                    g += decay * w[i];
                }
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mHat = m[i] / (1 - Math.pow(b1, step));
                double vHat = v[i] / (1 - Math.pow(b2, step));
                w[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
            out[t] = w.clone();
        }
        return out;
    }

    private static double[][] rmsprop(double lr, double rho, double mu, double eps, double decay) {
        double[] w = START.clone();
        double[] s = new double[3];
        double[] b = new double[3];
        double[][] out = new double[GRADS.length][];
        for (int t = 0; t < GRADS.length; t++) {
            for (int i = 0; i < 3; i++) {
                double g = GRADS[t][i] + decay * w[i];
                s[i] = rho * s[i] + (1 - rho) * g * g;
                double u = g / (Math.sqrt(s[i]) + eps);
                if (mu > 0) {
                    b[i] = mu * b[i] + u;
                    u = b[i];
                }
                w[i] -= lr * u;
            }
            out[t] = w.clone();
        }
        return out;
    }

    private static double[][] adagrad(double lr, double eps, double decay) {
        double[] w = START.clone();
        double[] s = new double[3];
        double[][] out = new double[GRADS.length][];
        for (int t = 0; t < GRADS.length; t++) {
            for (int i = 0; i < 3; i++) {
                double g = GRADS[t][i] + decay * w[i];
                s[i] += g * g;
                w[i] -= lr * g / (Math.sqrt(s[i]) + eps);
            }
            out[t] = w.clone();
        }
        return out;
    }
}
