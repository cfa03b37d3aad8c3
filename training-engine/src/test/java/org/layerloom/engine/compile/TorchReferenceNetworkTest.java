package org.layerloom.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample networks the seeds use (mnist-mlp, mnist-cnn, sentiment-lstm, transformer-pattern,
 * residual-shapes; graphs copied from {@code samples/projects} by {@code src/test/python/reference_layers.py})
 * compute PyTorch's prediction and gradients for a small batch of real-shaped input, with PyTorch's random
 * weights: see {@link TorchReferenceCheck}. Prints one line per network and a table at the end.
 */
class TorchReferenceNetworkTest {

    private static final WorstByKind WORST = new WorstByKind("Worst differences from PyTorch per sample network");
    private static NDManager manager;

    @BeforeAll
    static void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void closeManagerAndPrintTable() {
        manager.close();
        WORST.print();
    }

    static List<ReferenceCase> cases() {
        return ReferenceCase.index("networks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void prediction_and_gradients_equal_pytorch(ReferenceCase testCase) {
        WorstByKind.Worst worst = new WorstByKind.Worst();
        try {
            TorchReferenceCheck.check(testCase, manager, worst);
        } finally {
            WORST.record(testCase.name(), testCase.toString(), worst);
        }
    }

    @Test
    void the_fixtures_hold_the_five_seed_samples() {
        assertThat(cases()).extracting(ReferenceCase::name).containsExactlyInAnyOrder(
                "mnist-mlp", "mnist-cnn", "sentiment-lstm", "transformer-pattern", "residual-shapes");
    }
}
