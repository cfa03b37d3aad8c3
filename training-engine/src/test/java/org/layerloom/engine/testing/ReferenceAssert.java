package org.layerloom.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;

/**
 * The one assertion every value test against a PyTorch fixture goes through, so that all of them follow
 * the same kernel policy (which oneDNN kernels the engine runs with, and what a mismatch under the raw
 * default kernels means). One test thread.
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
        assertThat(closeness.withinTolerance()).as(closeness.describe()).isTrue();
        return closeness;
    }
}
