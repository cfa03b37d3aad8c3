package org.layerloom.engine.testing.torch;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import org.junit.jupiter.api.Assumptions;
import org.layerloom.engine.kernels.KernelGuard;
import org.layerloom.engine.kernels.KernelMode;
import org.layerloom.engine.kernels.KernelVerdict;

/**
 * The one assertion every value test against a PyTorch fixture goes through, so that all of them follow
 * the same kernel policy. The engine runs with the kernels {@link KernelGuard} chooses (as the product
 * does), and a difference fails. In the build's second run, with libtorch's raw default kernels
 * ({@code -Dlayerloom.kernels=default}), a difference is expected only where the product's self-test found
 * the default kernels wrong on this machine: then it is reported and the case is skipped; where the
 * self-test passed them, the difference fails, since the self-test then missed a fault. One test thread.
 */
public final class ReferenceAssert {

    private ReferenceAssert() {
    }

    /** Asserts {@code actual} is within 1e-5 + 1e-4·|expected| of {@code expected} everywhere. */
    public static Closeness assertClose(String what, NDArray actual, NDArray expected) {
        return assertClose(what, actual, expected, Closeness.ATOL, Closeness.RTOL);
    }

    /** Asserts {@code actual} is within {@code atol + rtol·|expected|}; say why where it is not the default. */
    public static Closeness assertClose(String what, NDArray actual, NDArray expected, double atol, double rtol) {
        Closeness closeness = Closeness.of(what, actual, expected, atol, rtol);
        if (!closeness.withinTolerance()) {
            KernelVerdict verdict = KernelGuard.ensure();
            if (verdict.mode() == KernelMode.DEFAULT && !verdict.defaultPassed() && !closeness.shapeMismatch()) {
                String report = "Under the raw default kernels, as the self-test found ("
                        + verdict.defaultFailure() + "): " + closeness.describe();
                System.out.println("[raw default kernels] " + report);
                Assumptions.abort(report);
            }
            String hint = verdict.mode() == KernelMode.DEFAULT
                    ? " [raw default kernels, which the self-test passed: it misses this fault]"
                    : " [kernels: " + verdict.describe() + "]";
            assertThat(closeness.withinTolerance()).as(closeness.describe() + hint).isTrue();
        }
        return closeness;
    }
}
