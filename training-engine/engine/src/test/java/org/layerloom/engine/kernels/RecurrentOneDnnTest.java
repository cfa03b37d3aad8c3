package org.layerloom.engine.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.train.GradientLock;

/**
 * The recurrences' oneDNN window on the real engine, with oneDNN off and the window armed: an LSTM that records
 * gradients in its gradient turn runs with oneDNN on for its own call only and gets libtorch's own values
 * and gradients (its backward pass runs after the window closed), inference and recording without the turn
 * stay on libtorch's kernels, and another thread's convolution waits while a window is open.
 */
class RecurrentOneDnnTest {

    private static final int BATCH = 8;
    private static final int STEPS = 12;
    private static final int INPUT = 32;
    private static final int HIDDEN = 32;

    private OneDnnOff off;
    private OneDnnSwitch oneDnn;

    @BeforeEach
    void switchOneDnnOff() {
        off = OneDnnOff.take();
        oneDnn = off.oneDnn();
    }

    @AfterEach
    void restore() {
        if (off != null) {
            off.restore();
        }
    }

    @Test
    void an_lstm_in_training_runs_in_the_window_and_matches_the_native_kernels() {
        oneDnn.set(true);
        boolean rightOnOneDnn = KernelSelfTest.trainingRecurrencesPassed(KernelSelfTest.run());
        oneDnn.set(false);
        assumeTrue(rightOnOneDnn, "oneDNN's recurrences fail the self-test here: the window is never armed");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDList operands = operands(manager);
            Pass native_ = train(manager, operands);
            RecurrentOneDnn.arm(oneDnn);
            Pass windowed = train(manager, operands);

            assertThat(native_.oneDnnInside()).isFalse();
            assertThat(windowed.oneDnnInside()).as("oneDNN on inside the window").isTrue();
            assertThat(oneDnn.enabled()).as("and off again after it").isFalse();
            assertClose(windowed.output(), native_.output());
            for (int i = 0; i < native_.gradients().size(); i++) {
                assertClose(windowed.gradients().get(i), native_.gradients().get(i));
            }
        }
    }

    @Test
    void inference_stays_on_the_native_kernels_while_armed() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDList operands = operands(manager);
            float[] native_ = infer(operands);
            RecurrentOneDnn.arm(oneDnn);
            boolean[] oneDnnInside = new boolean[1];
            float[] armed = RecurrentOneDnn.recurrent(() -> {
                oneDnnInside[0] = oneDnn.enabled();
                return infer(operands);
            });

            assertThat(oneDnnInside[0]).isFalse();
            assertThat(armed).containsExactly(native_);
        }
    }

    @Test
    void recording_gradients_without_the_gradient_turn_stays_on_the_native_kernels() {
        RecurrentOneDnn.arm(oneDnn);
        boolean recording = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try {
            assertThat(RecurrentOneDnn.recurrent(oneDnn::enabled)).isFalse();
            try (GradientLock.Turn turn = GradientLock.acquire()) {
                assertThat(RecurrentOneDnn.recurrent(oneDnn::enabled)).as("with the turn").isTrue();
            }
        } finally {
            JniUtils.setGradMode(recording);
        }
    }

    @Test
    void a_convolution_on_another_thread_waits_while_a_window_is_open() throws Exception {
        RecurrentOneDnn.arm(oneDnn);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        boolean[] oneDnnInside = new boolean[1];
        CompletableFuture<Void> window = CompletableFuture.runAsync(() -> {
            JniUtils.setGradMode(true);
            try (GradientLock.Turn turn = GradientLock.acquire()) {
                RecurrentOneDnn.recurrent(() -> {
                    oneDnnInside[0] = oneDnn.enabled();
                    inside.countDown();
                    await(release);
                    return null;
                });
            } finally {
                JniUtils.setGradMode(false);
            }
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(oneDnnInside[0]).isTrue();
        CompletableFuture<Boolean> convolution = CompletableFuture.supplyAsync(
                () -> RecurrentOneDnn.nativeKernels(oneDnn::enabled));

        Thread.sleep(300);
        assertThat(convolution).as("waits for the window").isNotDone();
        release.countDown();

        assertThat(convolution.get(10, TimeUnit.SECONDS)).as("and then runs with oneDNN off").isFalse();
        window.get(10, TimeUnit.SECONDS);
    }

    private record Pass(float[] output, List<float[]> gradients, boolean oneDnnInside) {
    }

    private static NDList operands(NDManager manager) {
        manager.getEngine().setRandomSeed(7);
        int rows = 4 * HIDDEN;
        return new NDList(manager.randomNormal(new Shape(BATCH, STEPS, INPUT)),
                manager.randomNormal(new Shape(rows, INPUT)).mul(0.3f),
                manager.randomNormal(new Shape(rows, HIDDEN)).mul(0.3f),
                manager.randomNormal(new Shape(rows)).mul(0.1f), manager.randomNormal(new Shape(rows)).mul(0.1f));
    }

    /** Forward and backward of Σ w·output through the route the layers take, with fresh gradients. */
    private Pass train(NDManager parent, NDList operands) {
        try (NDManager scope = parent.newSubManager()) {
            NDList copies = new NDList();
            for (NDArray operand : operands) {
                NDArray copy = operand.duplicate();
                copy.attach(scope);
                copy.setRequiresGradient(true);
                copies.add(copy);
            }
            boolean[] oneDnnInside = new boolean[1];
            float[] output;
            try (GradientLock.Turn turn = GradientLock.acquire();
                 GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray out = RecurrentOneDnn.recurrent(() -> {
                    oneDnnInside[0] = oneDnn.enabled();
                    return lstm(copies, true);
                });
                output = out.toFloatArray();
                NDArray weights = scope.arange((float) out.size()).reshape(out.getShape()).mul(0.01f).sin();
                collector.backward(out.mul(weights).sum());
            }
            List<float[]> gradients = new ArrayList<>();
            for (NDArray copy : copies) {
                gradients.add(copy.getGradient().toFloatArray());
            }
            return new Pass(output, gradients, oneDnnInside[0]);
        }
    }

    private static float[] infer(NDList operands) {
        boolean recording = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return lstm(operands, false).toFloatArray();
        } finally {
            JniUtils.setGradMode(recording);
        }
    }

    private static NDArray lstm(NDList operands, boolean training) {
        NDArray x = operands.get(0);
        NDArray zeros = x.getManager().zeros(new Shape(1, BATCH, HIDDEN));
        return x.getNDArrayInternal().lstm(x, new NDList(zeros, zeros.duplicate()),
                new NDList(operands.get(1), operands.get(2), operands.get(3), operands.get(4)), true, 1, 0,
                training, false, true).head();
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("element %d", i)
                    .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5 * Math.max(1, Math.abs(expected[i]))));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
