package org.layerloom.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.layerloom.engine.graph.LayerKind.*;
import static org.layerloom.engine.testing.GraphBuilder.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.testing.GraphBuilder;

class TorchStateDictTest {

    private NDManager manager;

    @BeforeEach
    void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @Test
    void every_parameter_kind_gets_its_pytorch_state_dict_name() {
        NetworkGraph sequence = GraphBuilder.chainOf(TensorShape.tokens(5), "mse",
                layer(EMBEDDING, "vocabulary", 10, "dimension", 8), layer(POSITIONAL_ENCODING),
                layer(SELF_ATTENTION, "heads", 2), layer(TRANSFORMER_ENCODER, "heads", 2, "feed_forward", 16),
                layer(LAYER_NORM), layer(BATCH_NORM), layer(CONV1D, "filters", 4, "kernel", 3),
                layer(SIMPLE_RNN, "units", 3, "return_sequences", true), layer(GRU, "units", 3, "return_sequences", true),
                layer(LSTM, "units", 3), layer(DENSE, "units", 2));
        assertThat(stateDict(sequence).names()).containsExactly(
                "embedding1.weight",
                "multiheadselfattention1.in_proj_weight", "multiheadselfattention1.in_proj_bias",
                "multiheadselfattention1.out_proj.weight", "multiheadselfattention1.out_proj.bias",
                "transformerencoder1.self_attn.in_proj_weight", "transformerencoder1.self_attn.in_proj_bias",
                "transformerencoder1.self_attn.out_proj.weight", "transformerencoder1.self_attn.out_proj.bias",
                "transformerencoder1.linear1.weight", "transformerencoder1.linear1.bias",
                "transformerencoder1.linear2.weight", "transformerencoder1.linear2.bias",
                "transformerencoder1.norm1.weight", "transformerencoder1.norm1.bias",
                "transformerencoder1.norm2.weight", "transformerencoder1.norm2.bias",
                "layernorm1.weight", "layernorm1.bias",
                "batchnorm1.weight", "batchnorm1.bias", "batchnorm1.running_mean", "batchnorm1.running_var",
                "conv1d1.weight", "conv1d1.bias",
                "simplernn1.weight_ih_l0", "simplernn1.weight_hh_l0", "simplernn1.bias_ih_l0", "simplernn1.bias_hh_l0",
                "gru1.weight_ih_l0", "gru1.weight_hh_l0", "gru1.bias_ih_l0", "gru1.bias_hh_l0",
                "lstm1.weight_ih_l0", "lstm1.weight_hh_l0", "lstm1.bias_ih_l0", "lstm1.bias_hh_l0",
                "dense1.weight", "dense1.bias");
    }

    @Test
    void shapes_and_trainability_follow_pytorch() {
        TorchStateDict dict = stateDict(GraphBuilder.chainOf(TensorShape.of(5, 8), "mse",
                layer(SELF_ATTENTION, "heads", 2), layer(LSTM, "units", 3), layer(BATCH_NORM)));
        assertThat(dict.shape("multiheadselfattention1.in_proj_weight")).isEqualTo(new Shape(24, 8));
        assertThat(dict.shape("multiheadselfattention1.in_proj_bias")).isEqualTo(new Shape(24));
        assertThat(dict.shape("lstm1.weight_ih_l0")).isEqualTo(new Shape(12, 8));
        assertThat(dict.isTrainable("batchnorm1.weight")).isTrue();
        assertThat(dict.isTrainable("batchnorm1.running_var")).isFalse();
    }

    @Test
    void names_do_not_depend_on_activation_options_or_bias() {
        for (String activation : List.of("none", "relu")) {
            NetworkGraph graph = GraphBuilder.chainOf(TensorShape.of(3, 6, 6), "mse",
                    layer(CONV2D, "filters", 2, "kernel", 3, "activation", activation, "bias", false), layer(FLATTEN),
                    layer(DENSE, "units", 2, "activation", activation));
            assertThat(stateDict(graph).names()).as(activation)
                    .containsExactly("conv2d1.weight", "dense1.weight", "dense1.bias");
        }
    }

    @Test
    void loading_pytorch_values_and_reading_them_back_gives_the_same_arrays() {
        TorchStateDict dict = stateDict(GraphBuilder.chainOf(TensorShape.of(5, 8), "mse",
                layer(TRANSFORMER_ENCODER, "heads", 2, "feed_forward", 4), layer(BATCH_NORM), layer(GRU, "units", 3)));
        Map<String, NDArray> torch = new HashMap<>();
        for (String name : dict.names()) {
            torch.put(name, manager.randomUniform(-1, 1, dict.shape(name)));
        }
        dict.load(torch::get);
        Map<String, NDArray> back = dict.values(manager);
        assertThat(back.keySet()).containsExactlyElementsOf(dict.names());
        for (String name : dict.names()) {
            assertThat(back.get(name).toFloatArray()).as(name).containsExactly(torch.get(name).toFloatArray());
        }
    }

    @Test
    void the_packed_input_projection_holds_query_key_and_value_in_that_order() {
        NetworkGraph graph = GraphBuilder.chainOf(TensorShape.of(5, 4), "mse", layer(SELF_ATTENTION, "heads", 1));
        GraphBlock block = initialised(graph);
        TorchStateDict dict = TorchStateDict.of(graph, block);
        NDArray packed = manager.arange(48f).reshape(12, 4);
        dict.load(name -> name.endsWith("in_proj_weight") ? packed : manager.zeros(dict.shape(name)));
        Map<String, ai.djl.nn.Parameter> byPath =
                TorchStateDict.parametersByPath(block.nodeBlock("multiheadselfattention1").orElseThrow());
        assertThat(byPath.get("queryProjection.weight").getArray().toFloatArray())
                .containsExactly(packed.get(new NDIndex("0:4")).toFloatArray());
        assertThat(byPath.get("keyProjection.weight").getArray().toFloatArray())
                .containsExactly(packed.get(new NDIndex("4:8")).toFloatArray());
        assertThat(byPath.get("valueProjection.weight").getArray().toFloatArray())
                .containsExactly(packed.get(new NDIndex("8:12")).toFloatArray());
    }

    @Test
    void a_value_of_the_wrong_shape_is_refused_with_its_name() {
        TorchStateDict dict = stateDict(GraphBuilder.chainOf(TensorShape.of(8), "mse", layer(DENSE, "units", 2)));
        assertThatThrownBy(() -> dict.load(name -> manager.zeros(new Shape(3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dense1.weight");
    }

    private TorchStateDict stateDict(NetworkGraph graph) {
        return TorchStateDict.of(graph, initialised(graph));
    }

    private GraphBlock initialised(NetworkGraph graph) {
        ValidationReport report = GraphValidator.standard().validate(graph);
        GraphBlock block = GraphCompiler.standard().compile(report);
        block.initialize(manager, DataType.FLOAT32, Agreement.withBatch(report.outputOf(block.inputNodeId()).orElseThrow()));
        return block;
    }
}
