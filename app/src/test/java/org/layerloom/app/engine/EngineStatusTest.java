package org.layerloom.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.layerloom.engine.train.EngineInfo;

/** The status bar's engine line names the CPU kernels, briefly, with the reason in the detail. */
class EngineStatusTest {

    @Test
    void a_ready_engine_names_its_kernels_and_keeps_the_reason_for_the_tooltip() {
        EngineStatus status = new EngineStatus();
        String kernels = "libtorch kernels, oneDNN off, self-test passed (oneDNN failed the self-test: conv2d 20→8"
                + " channels, 6×6, stride 1: forward off by 0.51)";

        status.startLoading(() -> new EngineInfo("0.35.0", "2.7.1", 0, 2, kernels, kernels + ". Checked when …",
                true), Runnable::run, Runnable::run);

        assertThat(status.stateProperty().get()).isEqualTo(EngineStatus.State.READY);
        assertThat(status.textProperty().get()).startsWith("Engine ready: PyTorch 2.7.1, CPU, 2 threads, libtorch"
                + " kernels, oneDNN off, self-test passed (loaded in ");
        assertThat(status.detailProperty().get()).isEqualTo(kernels + ". Checked when …");
        assertThat(status.briefProperty().get()).as("the status bar's short line").isEqualTo("CPU, 2 threads");
    }

    @Test
    void kernels_that_failed_their_self_test_mark_the_engine_unverified() {
        EngineStatus status = new EngineStatus();

        status.startLoading(() -> new EngineInfo("0.35.0", "2.7.1", 0, 2, "oneDNN kernels, FAILED the self-test"
                + " (LSTM 16 units, 1 inputs, 12 steps: forward off by 0.3): values may be wrong", "", false),
                Runnable::run, Runnable::run);

        assertThat(status.stateProperty().get()).isEqualTo(EngineStatus.State.UNVERIFIED);
        assertThat(status.textProperty().get()).contains("oneDNN kernels, FAILED the self-test");
        assertThat(status.briefProperty().get())
                .isEqualTo("CPU, 2 threads, kernels failed their self-test: values may be wrong");
    }

    @Test
    void an_engine_that_cannot_load_says_so_in_the_status_bar() {
        EngineStatus status = new EngineStatus();
        assertThat(status.briefProperty().get()).isEqualTo("Loading the engine…");

        status.startLoading(() -> {
            throw new UnsatisfiedLinkError("no libtorch");
        }, Runnable::run, Runnable::run);

        assertThat(status.stateProperty().get()).isEqualTo(EngineStatus.State.FAILED);
        assertThat(status.briefProperty().get()).isEqualTo("No engine: training is off");
    }
}
