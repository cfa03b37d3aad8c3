package org.layerloom.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.graph.LayerKind;

/**
 * Every layer kind, over a grid of its parameters (written by {@code src/test/python/reference_layers.py}),
 * computes PyTorch's forward values and gradients: see {@link TorchReferenceCheck}. Prints one line per
 * case and a table of the worst differences per kind.
 */
class TorchReferenceLayerTest extends TorchReferenceGroup {

    TorchReferenceLayerTest() {
        super("Worst differences from PyTorch per layer kind");
    }

    static List<ReferenceCase> cases() {
        return ReferenceCase.index("layers");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forward_values_and_gradients_equal_pytorch(ReferenceCase testCase) {
        check(testCase, testCase.kind());
    }

    @Test
    void the_fixtures_cover_every_layer_kind() {
        Set<LayerKind> covered = cases().stream().map(c -> LayerKind.fromId(c.kind()).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(LayerKind.class)));
        assertThat(covered).containsAll(EnumSet.complementOf(EnumSet.of(LayerKind.INPUT, LayerKind.OUTPUT)));
    }
}
