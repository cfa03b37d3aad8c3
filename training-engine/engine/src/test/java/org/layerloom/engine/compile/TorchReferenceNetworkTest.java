package org.layerloom.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample networks the seeds use (mnist-mlp, mnist-cnn, sentiment-lstm, transformer-pattern,
 * residual-shapes; graphs copied from {@code samples/projects} by {@code src/test/python/reference_layers.py})
 * compute PyTorch's prediction and gradients for a small batch of real-shaped input, with PyTorch's random
 * weights: see {@link TorchReferenceCheck}. Prints one line per network and a table at the end.
 */
class TorchReferenceNetworkTest extends TorchReferenceGroup {

    TorchReferenceNetworkTest() {
        super("Worst differences from PyTorch per sample network");
    }

    static List<ReferenceCase> cases() {
        return ReferenceCase.index("networks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void prediction_and_gradients_equal_pytorch(ReferenceCase testCase) {
        check(testCase, testCase.name());
    }

    @Test
    void the_fixtures_hold_the_five_seed_samples() {
        assertThat(cases()).extracting(ReferenceCase::name).containsExactlyInAnyOrder(
                "mnist-mlp", "mnist-cnn", "sentiment-lstm", "transformer-pattern", "residual-shapes");
    }
}
