package org.layerloom.engine.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.train.GradientLock;

/**
 * The whole-batch oneDNN window on the real switch, with oneDNN off and the recurrent window armed (the choice
 * that makes it available): on for a checked network's batch and off after it, untouched by an LSTM inside it,
 * nothing for an unchecked network or where nothing is armed, only in the gradient turn, and exclusive of other
 * threads' convolutions.
 */
class OneDnnBatchTest {

    private OneDnnOff off;
    private OneDnnSwitch oneDnn;

    @BeforeEach
    void armWithOneDnnOff() {
        off = OneDnnOff.take();
        oneDnn = off.oneDnn();
        RecurrentOneDnn.arm(oneDnn);
    }

    @AfterEach
    void restore() {
        if (off != null) {
            off.restore();
        }
    }

    @Test
    void a_checked_network_trains_its_batch_on_onednn_and_an_lstm_inside_leaves_it_on() {
        assertThat(OneDnnBatch.available()).isTrue();
        boolean[] afterLstm = new boolean[1];
        JniUtils.setGradMode(true);
        try (GradientLock.Turn turn = GradientLock.acquire(); OneDnnBatch batch = OneDnnBatch.open(true)) {
            assertThat(batch.onOneDnn()).isTrue();
            assertThat(oneDnn.enabled()).isTrue();
            RecurrentOneDnn.recurrent(() -> null);
            afterLstm[0] = oneDnn.enabled();
        } finally {
            JniUtils.setGradMode(false);
        }
        assertThat(afterLstm[0]).as("the LSTM's own window does not close the batch's").isTrue();
        assertThat(oneDnn.enabled()).as("off after the batch").isFalse();
    }

    @Test
    void an_unchecked_network_or_an_unarmed_processor_changes_nothing() {
        try (GradientLock.Turn turn = GradientLock.acquire()) {
            try (OneDnnBatch batch = OneDnnBatch.open(false)) {
                assertThat(batch.onOneDnn()).isFalse();
                assertThat(oneDnn.enabled()).isFalse();
            }
            RecurrentOneDnn.disarm();
            assertThat(OneDnnBatch.available()).isFalse();
            assertThat(OneDnnBatch.bothWays(() -> 1)).isEmpty();
            try (OneDnnBatch batch = OneDnnBatch.open(true)) {
                assertThat(batch.onOneDnn()).isFalse();
                assertThat(oneDnn.enabled()).isFalse();
            }
        }
    }

    @Test
    void windows_are_only_opened_in_the_gradient_turn() {
        assertThatThrownBy(() -> OneDnnBatch.open(true)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> OneDnnBatch.bothWays(() -> 1)).isInstanceOf(IllegalStateException.class);
        assertThat(oneDnn.enabled()).isFalse();
    }

    @Test
    void both_ways_runs_libtorchs_kernels_first_then_onednn() {
        try (GradientLock.Turn turn = GradientLock.acquire()) {
            assertThat(OneDnnBatch.bothWays(oneDnn::enabled)).contains(List.of(false, true));
        }
        assertThat(oneDnn.enabled()).isFalse();
    }

    @Test
    void another_threads_convolution_waits_for_the_batch() throws Exception {
        CompletableFuture<Boolean> convolution;
        try (GradientLock.Turn turn = GradientLock.acquire(); OneDnnBatch batch = OneDnnBatch.open(true)) {
            convolution = CompletableFuture.supplyAsync(() -> RecurrentOneDnn.nativeKernels(oneDnn::enabled));
            Thread.sleep(300);
            assertThat(convolution).as("waits while the batch runs on oneDNN").isNotDone();
        }
        assertThat(convolution.get(10, TimeUnit.SECONDS)).as("then runs on libtorch's kernels").isFalse();
    }
}
