package org.layerloom.engine.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * On the machine running the build, the kernels the guard chose pass every self-test case, and the verdict
 * names the processor. In the build's raw-default-kernels run, default kernels that the self-test found
 * wrong are reported and the case is skipped.
 */
class KernelSelfTestTest {

    @Test
    void the_chosen_kernels_pass_every_case_on_this_machine() {
        KernelVerdict verdict = KernelGuard.ensure();
        System.out.println("Kernel verdict on " + verdict.machine().processor() + ": " + verdict.describe()
                + " (" + verdict.millis() + " ms)");
        if (verdict.mode() == KernelMode.DEFAULT && !verdict.defaultPassed()) {
            Assumptions.abort("the raw default kernels are wrong here: " + verdict.defaultFailure());
        }

        SelfTestReport again = KernelSelfTest.run();

        assertThat(verdict.verified()).as(verdict.describe()).isTrue();
        assertThat(again.passed()).as(again.summary()).isTrue();
        assertThat(again.cases()).hasSize(KernelSelfTest.cases().size());
        assertThat(verdict.machine().processor()).isNotBlank();
    }

    @Test
    void the_cases_cover_the_shapes_that_failed() {
        assertThat(KernelSelfTest.cases()).extracting(KernelCase::name).contains(
                "conv2d 20→8 channels, 6×6, stride 1", "conv2d 28→8 channels, 6×6, stride 1",
                "conv2d 40→8 channels, 5×5, stride 1", "conv2d 4→8 channels, 7×7, stride 1",
                "conv2d 16→8 channels, 8×8, stride 1", "conv1d 28→8 channels, 12 steps, stride 1",
                "LSTM 16 units, 1 inputs, 12 steps");
    }
}
