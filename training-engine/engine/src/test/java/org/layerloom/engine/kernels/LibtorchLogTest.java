package org.layerloom.engine.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

/** libtorch's internal log, lowered to errors when the engine's kernels are chosen. */
class LibtorchLogTest {

    @Test
    void choosing_the_kernels_keeps_libtorchs_log_to_errors() {
        assumeTrue(System.getenv("TORCH_CPP_LOG_LEVEL") == null, "the environment chose libtorch's log level");
        Engine.getInstance();
        assertThat(LibtorchLog.currentLevel()).as("c10's FLAGS_caffe2_log_level is reachable").isPresent();
        KernelGuard.ensure();
        assertThat(LibtorchLog.currentLevel()).hasValue(2);
        assertThat(LibtorchLog.quiet()).isTrue();
    }
}
