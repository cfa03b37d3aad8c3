package org.layerloom.engine.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.kernels.ReferenceKernels.RecurrentShape.Kind;

/**
 * The check catches what the faulty kernels did: a forward result off by a fraction, a gradient off by a
 * factor or NaN, and only some of the time; and it passes the real kernels.
 */
class KernelCheckTest {

    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void the_engines_kernels_pass_on_a_convolution_and_an_lstm() {
        // The kernels the guard chose: on some processors oneDNN's fail this convolution (and the guard saw it).
        KernelGuard.restore();
        assertThat(KernelCheck.run(ConvolutionCase.conv2d(20, 8, 6, 1), manager, 2, 1).passed()).isTrue();
        assertThat(KernelCheck.run(RecurrentCase.of(Kind.LSTM, 1, 16, 12), manager, 2, 2).passed()).isTrue();
    }

    @Test
    void a_forward_result_off_by_half_is_caught() {
        CaseResult result = KernelCheck.run(new FaultyCase(ConvolutionCase.conv2d(20, 8, 6, 1),
                out -> out.add(0.5f)), manager, 1, 3);

        assertThat(result.passed()).isFalse();
        assertThat(result.forwardError()).isGreaterThan(0.1);
        assertThat(result.describe()).contains("conv2d 20→8 channels").contains("forward off by");
    }

    @Test
    void an_input_gradient_off_by_half_is_caught_though_the_forward_is_right() {
        // Forward: the input itself; backward: 1.5 times its gradient.
        CaseResult result = KernelCheck.run(new FaultyCase(ConvolutionCase.conv2d(4, 8, 7, 1), null,
                x -> x.mul(1.5f).sub(x.mul(0.5f).stopGradient())), manager, 1, 4);

        assertThat(result.forwardError()).isLessThan(KernelCheck.FORWARD_TOLERANCE);
        assertThat(result.passed()).isFalse();
        assertThat(result.describe()).contains("gradient of input");
    }

    @Test
    void a_nan_gradient_is_caught() {
        // Forward: x + √0 = x; backward: the square root's slope at 0, infinite.
        CaseResult result = KernelCheck.run(new FaultyCase(RecurrentCase.of(Kind.LSTM, 1, 16, 12), null,
                x -> x.add(x.sub(x.stopGradient()).sqrt())), manager, 1, 5);

        assertThat(result.passed()).isFalse();
    }

    @Test
    void a_fault_in_one_run_of_three_is_caught() {
        int[] calls = {0};
        CaseResult result = KernelCheck.run(new FaultyCase(ConvolutionCase.conv2d(16, 8, 8, 1),
                out -> ++calls[0] == 2 ? out.mul(1.01f) : out), manager, 3, 6);

        assertThat(calls[0]).isEqualTo(3);
        assertThat(result.passed()).isFalse();
    }
}
