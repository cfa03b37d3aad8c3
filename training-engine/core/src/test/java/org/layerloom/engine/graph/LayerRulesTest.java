package org.layerloom.engine.graph;

import org.layerloom.engine.testing.GraphBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.layerloom.engine.testing.GraphBuilder.layer;
import static org.layerloom.engine.graph.LayerKind.*;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layer kind's shape rule and parameter count. The expected counts are what PyTorch reports
 * ({@code sum(p.numel() for p in m.parameters())}) for the same layer.
 */
class LayerRulesTest {

    private final GraphValidator validator = GraphValidator.standard();

    /** Input(in) → layer → Output(MSE); returns the layer's report after checking the graph is valid. */
    private NodeReport single(TensorShape in, LayerKind kind, Object... params) {
        GraphBuilder b = new GraphBuilder();
        String input = b.add(INPUT, "shape", in.dims().stream().mapToInt(Integer::intValue).toArray(),
                "values", in.isTokenIds() ? "token_ids" : "real");
        String node = b.add(kind, params);
        String output = b.add(OUTPUT, "loss", "mse");
        ValidationReport report = validator.validate(b.chain(input, node, output).build());
        assertThat(report.errors()).as("problems of %s on %s", kind, in).isEmpty();
        return report.node(node).orElseThrow();
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                // layer, input, params, expected output, PyTorch parameter count
                Arguments.of(DENSE, TensorShape.of(784), new Object[] {"units", 64}, TensorShape.of(64), 50_240L),
                Arguments.of(DENSE, TensorShape.of(784), new Object[] {"units", 64, "bias", false}, TensorShape.of(64), 50_176L),
                Arguments.of(DENSE, TensorShape.of(20, 16), new Object[] {"units", 8}, TensorShape.of(20, 8), 136L),
                Arguments.of(CONV2D, TensorShape.of(1, 28, 28), new Object[] {"filters", 32, "kernel", 3}, TensorShape.of(32, 26, 26), 320L),
                Arguments.of(CONV2D, TensorShape.of(32, 13, 13), new Object[] {"filters", 64, "kernel", 3}, TensorShape.of(64, 11, 11), 18_496L),
                Arguments.of(CONV2D, TensorShape.of(3, 32, 32), new Object[] {"filters", 16, "kernel", 3, "stride", 2, "padding", 1}, TensorShape.of(16, 16, 16), 448L),
                Arguments.of(CONV2D, TensorShape.of(3, 32, 32), new Object[] {"filters", 16, "kernel", 5, "bias", false}, TensorShape.of(16, 28, 28), 1_200L),
                Arguments.of(CONV1D, TensorShape.of(50, 64), new Object[] {"filters", 32, "kernel", 3}, TensorShape.of(48, 32), 6_176L),
                Arguments.of(CONV1D, TensorShape.of(50, 64), new Object[] {"filters", 32, "kernel", 5, "stride", 2, "padding", 2}, TensorShape.of(25, 32), 10_272L),
                Arguments.of(MAX_POOL2D, TensorShape.of(32, 26, 26), new Object[] {}, TensorShape.of(32, 13, 13), 0L),
                Arguments.of(MAX_POOL2D, TensorShape.of(64, 11, 11), new Object[] {}, TensorShape.of(64, 5, 5), 0L),
                Arguments.of(AVG_POOL2D, TensorShape.of(8, 7, 7), new Object[] {"pool", 3, "stride", 2, "padding", 1}, TensorShape.of(8, 4, 4), 0L),
                Arguments.of(GLOBAL_AVG_POOL2D, TensorShape.of(64, 7, 7), new Object[] {}, TensorShape.of(64), 0L),
                Arguments.of(FLATTEN, TensorShape.of(64, 5, 5), new Object[] {}, TensorShape.of(1600), 0L),
                Arguments.of(RESHAPE, TensorShape.of(784), new Object[] {"target", new int[] {1, 28, 28}}, TensorShape.of(1, 28, 28), 0L),
                Arguments.of(DROPOUT, TensorShape.of(128), new Object[] {"rate", 0.3}, TensorShape.of(128), 0L),
                Arguments.of(BATCH_NORM, TensorShape.of(32, 13, 13), new Object[] {}, TensorShape.of(32, 13, 13), 64L),
                Arguments.of(BATCH_NORM, TensorShape.of(100), new Object[] {}, TensorShape.of(100), 200L),
                Arguments.of(LAYER_NORM, TensorShape.of(50, 64), new Object[] {}, TensorShape.of(50, 64), 128L),
                Arguments.of(LAYER_NORM, TensorShape.of(4, 5, 5), new Object[] {}, TensorShape.of(4, 5, 5), 200L),
                Arguments.of(SIMPLE_RNN, TensorShape.of(50, 128), new Object[] {"units", 64}, TensorShape.of(64), 12_416L),
                Arguments.of(SIMPLE_RNN, TensorShape.of(50, 128), new Object[] {"units", 64, "return_sequences", true}, TensorShape.of(50, 64), 12_416L),
                Arguments.of(LSTM, TensorShape.of(50, 128), new Object[] {"units", 64, "return_sequences", true}, TensorShape.of(50, 64), 49_664L),
                Arguments.of(LSTM, TensorShape.of(50, 64), new Object[] {"units", 32}, TensorShape.of(32), 12_544L),
                Arguments.of(GRU, TensorShape.of(50, 128), new Object[] {"units", 64}, TensorShape.of(64), 37_248L),
                Arguments.of(GRU, TensorShape.of(30, 1), new Object[] {"units", 16, "return_sequences", true}, TensorShape.of(30, 16), 912L),
                Arguments.of(SELF_ATTENTION, TensorShape.of(20, 64), new Object[] {"heads", 4}, TensorShape.of(20, 64), 16_640L),
                Arguments.of(TRANSFORMER_ENCODER, TensorShape.of(20, 64), new Object[] {"heads", 4, "feed_forward", 128}, TensorShape.of(20, 64), 33_472L),
                Arguments.of(POSITIONAL_ENCODING, TensorShape.of(20, 64), new Object[] {}, TensorShape.of(20, 64), 0L),
                Arguments.of(RELU, TensorShape.of(32, 26, 26), new Object[] {}, TensorShape.of(32, 26, 26), 0L),
                Arguments.of(LEAKY_RELU, TensorShape.of(10), new Object[] {"alpha", 0.2}, TensorShape.of(10), 0L),
                Arguments.of(ELU, TensorShape.of(10), new Object[] {}, TensorShape.of(10), 0L),
                Arguments.of(GELU, TensorShape.of(20, 64), new Object[] {}, TensorShape.of(20, 64), 0L),
                Arguments.of(SIGMOID, TensorShape.of(1), new Object[] {}, TensorShape.of(1), 0L),
                Arguments.of(TANH, TensorShape.of(10), new Object[] {}, TensorShape.of(10), 0L),
                Arguments.of(SOFTMAX, TensorShape.of(10), new Object[] {}, TensorShape.of(10), 0L));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("rules")
    void shape_and_parameter_count_match_pytorch(LayerKind kind, TensorShape in, Object[] params,
                                                 TensorShape expected, long parameters) {
        NodeReport report = single(in, kind, params);
        assertThat(report.output()).contains(expected);
        assertThat(report.parameters()).isEqualTo(parameters);
    }

    @Test
    void embedding_turns_token_ids_into_a_sequence_of_vectors() {
        NodeReport report = single(TensorShape.tokens(50), EMBEDDING, "vocabulary", 10_000, "dimension", 128);
        assertThat(report.output()).contains(TensorShape.of(50, 128));
        assertThat(report.parameters()).isEqualTo(1_280_000L);
    }

    @Test
    void input_gives_its_shape_and_token_ids_when_asked() {
        ValidationReport report = validator.validate(GraphBuilder.chainOf(new int[] {50}, "mse",
                layer(FLATTEN)));
        String input = report.graph().nodesOfKind(INPUT).get(0).id();
        assertThat(report.outputOf(input)).contains(TensorShape.of(50));
    }

    @Test
    void add_keeps_the_shape_and_concatenate_joins_the_chosen_axis() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(INPUT, "shape", new int[] {16, 8, 8});
        String left = b.add(CONV2D, "filters", 16, "kernel", 3, "padding", 1);
        String add = b.add(ADD);
        String right = b.add(CONV2D, "filters", 8, "kernel", 1);
        String concat = b.add(CONCATENATE, "axis", 0);
        String pool = b.add(GLOBAL_AVG_POOL2D);
        String out = b.add(OUTPUT, "loss", "mse");
        b.chain(in, left, add).wire(in, add).wire(add, concat).chain(in, right, concat).chain(concat, pool, out);
        ValidationReport report = validator.validate(b.build());

        assertThat(report.errors()).isEmpty();
        assertThat(report.outputOf(add)).contains(TensorShape.of(16, 8, 8));
        assertThat(report.outputOf(concat)).contains(TensorShape.of(24, 8, 8));
        assertThat(report.outputOf(pool)).contains(TensorShape.of(24));
    }

    @Test
    void concatenate_of_vectors_adds_their_features() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(INPUT, "shape", new int[] {10});
        String a = b.add(DENSE, "units", 64);
        String c = b.add(DENSE, "units", 32);
        String concat = b.add(CONCATENATE);
        String out = b.add(OUTPUT, "loss", "mse");
        b.chain(in, a, concat).chain(in, c, concat).chain(concat, out);
        assertThat(validator.validate(b.build()).outputOf(concat)).contains(TensorShape.of(96));
    }

    @Test
    void mlp_784_64_64_10_has_55050_parameters() {
        NetworkGraph mlp = GraphBuilder.chainOf(new int[] {1, 28, 28}, "softmax_cross_entropy",
                layer(FLATTEN), layer(DENSE, "units", 64, "activation", "relu"),
                layer(DENSE, "units", 64, "activation", "relu"), layer(DENSE, "units", 10));
        ValidationReport report = validator.validate(mlp);
        assertThat(report.problems()).isEmpty();
        assertThat(report.totalParameters()).isEqualTo(55_050L);
    }

    @Test
    void benchmark_cnn_has_121930_parameters_and_flattens_to_1600() {
        NetworkGraph cnn = GraphBuilder.chainOf(new int[] {1, 28, 28}, "softmax_cross_entropy",
                layer(CONV2D, "filters", 32, "kernel", 3, "activation", "relu"), layer(MAX_POOL2D),
                layer(CONV2D, "filters", 64, "kernel", 3, "activation", "relu"), layer(MAX_POOL2D),
                layer(FLATTEN), layer(DENSE, "units", 64, "activation", "relu"), layer(DENSE, "units", 10));
        ValidationReport report = validator.validate(cnn);
        assertThat(report.problems()).isEmpty();
        assertThat(report.totalParameters()).isEqualTo(121_930L);
        String flatten = cnn.nodesOfKind(FLATTEN).get(0).id();
        assertThat(report.outputOf(flatten)).contains(TensorShape.of(1600));
    }

    @Test
    void benchmark_lstm_has_1342241_parameters_with_two_bias_vectors_per_gate() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(INPUT, "shape", new int[] {50}, "values", "token_ids");
        String emb = b.add(EMBEDDING, "vocabulary", 10_000, "dimension", 128);
        String l1 = b.add(LSTM, "units", 64, "return_sequences", true);
        String l2 = b.add(LSTM, "units", 32);
        String dense = b.add(DENSE, "units", 1);
        String out = b.add(OUTPUT, "loss", "sigmoid_binary_cross_entropy");
        ValidationReport report = validator.validate(b.chain(in, emb, l1, l2, dense, out).build());
        assertThat(report.problems()).isEmpty();
        assertThat(report.totalParameters()).isEqualTo(1_342_241L);
    }

    @Test
    void every_wire_gets_the_shape_of_its_source() {
        NetworkGraph mlp = GraphBuilder.chainOf(new int[] {784}, "softmax_cross_entropy",
                layer(DENSE, "units", 32), layer(RELU), layer(DENSE, "units", 10));
        ValidationReport report = validator.validate(mlp);
        assertThat(report.wireShapes()).hasSize(mlp.wires().size());
        for (Wire wire : mlp.wires()) {
            assertThat(report.shapeOf(wire)).isEqualTo(report.outputOf(wire.from().nodeId()));
        }
    }

    @Test
    void every_layer_kind_has_a_definition_with_an_explanation_and_help() {
        LayerCatalog catalog = LayerCatalog.standard();
        for (LayerKind kind : LayerKind.values()) {
            LayerType type = catalog.type(kind);
            assertThat(type.summary()).as(kind.id()).isNotBlank();
            assertThat(type.explanation().text()).as(kind.id()).hasSizeGreaterThan(60);
            for (ParamSpec spec : type.parameters()) {
                assertThat(spec.help()).as(kind.id() + "." + spec.name()).isNotBlank();
                assertThat(spec.reasonToReject(spec.defaultValue())).as(kind.id() + "." + spec.name()).isEmpty();
            }
        }
        assertThat(catalog.all()).hasSize(LayerKind.values().length);
    }

    @Test
    void formulas_named_in_the_brief_are_present() {
        LayerCatalog catalog = LayerCatalog.standard();
        assertThat(catalog.type(RELU).explanation().formula()).contains("max(0, x)");
        assertThat(catalog.type(DENSE).explanation().formula()).contains("W·x + b");
        assertThat(catalog.type(SELF_ATTENTION).explanation().formula()).contains("softmax(Q·Kᵀ / √d)·V");
        assertThat(catalog.type(LSTM).explanation().formula()).contains("f_t", "i_t", "o_t", "c_t");
        for (LayerKind kind : List.of(SIGMOID, TANH, SOFTMAX, CONV2D, DROPOUT, BATCH_NORM, OUTPUT)) {
            assertThat(catalog.type(kind).explanation().hasFormula()).as(kind.id()).isTrue();
        }
    }
}
