package org.layerloom.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;

/** Whole networks compile, run, and agree with the graph at every node; captured activations are real. */
class NetworksTest {

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

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("MLP 784-64-64-10", Networks.mlp(), Networks.MLP_PARAMETERS),
                Arguments.of("CNN on 1×28×28", Networks.cnn(), Networks.CNN_PARAMETERS),
                Arguments.of("Embedding-LSTM-LSTM-Dense", Networks.lstm(), Networks.LSTM_PARAMETERS),
                Arguments.of("residual block with Add and Concatenate", Networks.residual(), 1_002L),
                Arguments.of("Transformer encoder", Networks.transformer(), 5_523L),
                Arguments.of("Conv1D-GRU-SimpleRNN", Networks.signal(), 1_014L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void every_node_has_the_graph_shape_and_parameter_count(String name, NetworkGraph graph, long parameters) {
        ValidationReport report = validator.validate(graph);
        assertThat(report.totalParameters()).isEqualTo(parameters);
        try (NDManager scope = manager.newSubManager()) {
            GraphBlock block = Agreement.check(report, scope);
            assertThat(block.trainableParameterCount()).isEqualTo(parameters);
            assertThat(block.nodeIds()).hasSize(graph.nodes().size());
        }
    }

    @Test
    void captured_output_equals_a_plain_forward_pass() {
        ValidationReport report = validator.validate(Networks.residual());
        try (NDManager scope = manager.newSubManager()) {
            GraphBlock block = Agreement.check(report, scope);
            ParameterStore ps = new ParameterStore(scope, false);
            NDArray x = Agreement.randomInput(scope, report.graph(), TensorShape.of(3, 16, 16));

            NDArray plain = block.forward(ps, new NDList(x), false).singletonOrThrow();
            Map<String, NDArray> sink = new HashMap<>();
            NDArray captured = block.forwardCapturing(ps, new NDList(x), false, Set.of(block.outputNodeId()), sink)
                    .singletonOrThrow();

            assertThat(sink).containsOnlyKeys(block.outputNodeId());
            assertThat(sink.get(block.outputNodeId()).toFloatArray()).containsExactly(plain.toFloatArray());
            assertThat(captured.toFloatArray()).containsExactly(plain.toFloatArray());
        }
    }

    @Test
    void a_captured_hidden_layer_equals_the_forward_pass_of_the_network_up_to_it() {
        try (NDManager scope = manager.newSubManager()) {
            GraphBlock full = GraphCompiler.standard().compile(Networks.mlp());
            EngineSeed.set(11);
            full.initialize(scope, DataType.FLOAT32, Agreement.withBatch(TensorShape.of(784)));
            GraphBlock prefix = GraphCompiler.standard().compile(Networks.mlpFirstTwoLayers());
            EngineSeed.set(11);
            prefix.initialize(scope, DataType.FLOAT32, Agreement.withBatch(TensorShape.of(784)));
            NDArray x = scope.randomNormal(Agreement.withBatch(TensorShape.of(784)));
            ParameterStore ps = new ParameterStore(scope, false);

            Map<String, NDArray> sink = new HashMap<>();
            full.forwardCapturing(ps, new NDList(x), false, Set.of("dense2"), sink);
            NDArray direct = prefix.forward(ps, new NDList(x), false).singletonOrThrow();

            assertThat(prefix.nodeIds()).containsExactly("input1", "dense1", "dense2", "output1");
            assertThat(sink.get("dense2").getShape()).isEqualTo(direct.getShape());
            assertThat(sink.get("dense2").toFloatArray()).containsExactly(direct.toFloatArray());
            assertThat(direct.max().getFloat()).as("ReLU output, not all zero").isPositive();
        }
    }
}
