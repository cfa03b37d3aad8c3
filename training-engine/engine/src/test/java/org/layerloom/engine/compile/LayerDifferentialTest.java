package org.layerloom.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;

/**
 * For every layer kind, over a grid of parameters and input shapes (the full grid with
 * {@code -Dnightly=true}), DJL's output shapes and trainable parameter counts equal the graph's.
 */
class LayerDifferentialTest {

    private static NDManager manager;
    private final GraphValidator validator = GraphValidator.standard();

    @BeforeAll
    static void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    static List<LayerGrid.Case> cases() {
        return LayerGrid.cases(LayerGrid.nightly());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void djl_shapes_and_trainable_parameters_equal_the_graph_rules(LayerGrid.Case testCase) {
        try (NDManager scope = manager.newSubManager()) {
            Agreement.check(validator.validate(testCase.graph()), scope);
        }
    }

    @Test
    void the_default_grid_covers_every_layer_kind() {
        Set<LayerKind> covered = LayerGrid.cases(false).stream()
                .flatMap(c -> c.graph().nodes().stream().map(n -> n.kind()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(LayerKind.class)));
        Set<LayerKind> tested = LayerGrid.cases(false).stream().map(LayerGrid.Case::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(LayerKind.class)));
        assertThat(covered).containsExactlyInAnyOrder(LayerKind.values());
        assertThat(tested).containsAll(EnumSet.complementOf(EnumSet.of(LayerKind.INPUT, LayerKind.OUTPUT)));
    }
}
