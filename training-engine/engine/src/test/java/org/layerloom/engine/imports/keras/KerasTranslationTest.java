package org.layerloom.engine.imports.keras;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.export.NpyArray;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.project.OptimizerKind;

/**
 * What the translation does beyond matching the oracle: the negative controls that show the tests can fail
 * (the HWC→CHW reordering and the GRU gate order matter), the refusals with their reasons, both forms of
 * functional {@code inbound_nodes}, the notes, and the training settings from the compile config.
 */
class KerasTranslationTest {

    @TempDir
    Path dir;

    @Test
    void cnn_without_the_hwc_to_chw_reordering_computes_something_else() throws IOException {
        KerasImport imported = KerasImporter.read(KerasFixtures.modelJson("cnn"));
        Node dense = imported.graph().nodesOfKind(LayerKind.DENSE).get(0);
        TensorShape chw = TensorShape.of(6, 2, 2);
        List<NpyArray> naive = new ArrayList<>();
        for (NpyArray w : imported.weights()) {
            naive.add(w.name().equals(dense.id() + ".weight") ? undoReordering(w, chw) : w);
        }
        KerasFixtures.Reference reference = KerasFixtures.reference("cnn");
        assertThat(KerasOracle.difference(KerasOracle.predict(imported, reference), reference.output()))
                .isLessThan(KerasOracleTest.TOLERANCE);
        assertThat(KerasOracle.difference(KerasOracle.predict(imported, naive, reference), reference.output()))
                .isGreaterThan(1e-3);
        assertThat(imported.notes()).anyMatch(n -> n.contains("reordered from the channels-last (H, W, C)"));
    }

    @Test
    void gru_with_keras_gate_order_computes_something_else() throws IOException {
        KerasImport imported = KerasImporter.read(KerasFixtures.modelJson("gru"));
        String id = imported.graph().nodesOfKind(LayerKind.GRU).get(0).id();
        List<NpyArray> swapped = new ArrayList<>();
        for (NpyArray w : imported.weights()) {
            swapped.add(w.name().startsWith(id + ".") ? swapFirstTwoBlocks(w, 6) : w);
        }
        KerasFixtures.Reference reference = KerasFixtures.reference("gru");
        assertThat(KerasOracle.difference(KerasOracle.predict(imported, swapped, reference), reference.output()))
                .isGreaterThan(1e-3);
    }

    @Test
    void lstm_with_hard_sigmoid_gates_is_refused_with_the_reason() {
        KerasImport imported = KerasImporter.read(KerasFixtures.modelJson("lstm-hard-sigmoid"));
        assertThat(imported.isImported()).isFalse();
        assertThat(imported.graph().nodes()).isEmpty();
        assertThat(imported.problems()).singleElement().asString()
                .contains("'hard' (LSTM)", "recurrent_activation='hard_sigmoid'", "exact sigmoid");
    }

    @Test
    void gru_with_reset_before_is_refused_with_the_reason() throws IOException {
        KerasImport imported = KerasImporter.read(KerasFixtures.modelJson("gru-reset-before"));
        assertThat(imported.problems()).singleElement().asString()
                .contains("'gru' (GRU)", "reset_after=False", "applies the reset gate before");
        KerasImport fromH5 = KerasImporter.read(KerasFixtures.folder("gru-reset-before").resolve("legacy.h5"));
        assertThat(fromH5.problems()).singleElement().asString().contains("reset_after=False");
    }

    @Test
    void keras2_and_keras3_inbound_nodes_give_the_same_layers() throws IOException {
        KerasLayerList keras2 = KerasLayerList.parse(KerasFixtures.read(KerasFixtures.modelJson("functional"))
                .get("modelTopology"));
        KerasLayerList keras3 = KerasLayerList.parse(KerasFixtures.read(KerasFixtures.folder("functional")
                .resolve("config.keras3.json")));
        assertThat(keras3.layers()).extracting(KerasLayer::inbound)
                .containsExactlyElementsOf(keras2.layers().stream().map(KerasLayer::inbound).toList());
        KerasLayer skip = keras3.layers().stream().filter(l -> l.name().equals("skip")).findFirst().orElseThrow();
        assertThat(skip.inbound()).containsExactly("stem", "branch");
        assertThat(keras3.inputs()).containsExactly("features");
        assertThat(keras3.outputs()).containsExactly("head");
    }

    @Test
    void keras3_weight_paths_are_class_names_in_snake_case_numbered_per_class() {
        assertThat(List.of("Dense", "Conv2D", "BatchNormalization", "SimpleRNN", "LSTM", "MaxPooling2D",
                "GlobalAveragePooling2D", "InputLayer").stream().map(Keras3WeightPaths::snakeCase))
                .containsExactly("dense", "conv2d", "batch_normalization", "simple_rnn", "lstm", "max_pooling2d",
                        "global_average_pooling2d", "input_layer");
        KerasArray a = new KerasArray(null, new long[] {1}, new float[] {1});
        KerasArray b = new KerasArray(null, new long[] {1}, new float[] {2});
        KerasWeights byPath = new KerasWeights(java.util.Map.of("dense", List.of(a), "dense_1", List.of(b)));
        KerasWeights byName = Keras3WeightPaths.byLayerName(byPath, List.of(
                new KerasLayer("in", "InputLayer", KerasFixtures.JSON.createObjectNode(), List.of()),
                new KerasLayer("first", "Dense", KerasFixtures.JSON.createObjectNode(), List.of("in")),
                new KerasLayer("second", "Dense", KerasFixtures.JSON.createObjectNode(), List.of("first"))));
        assertThat(byName.of("first")).contains(List.of(a));
        assertThat(byName.of("second")).contains(List.of(b));
    }

    @Test
    void tfjs_weights_in_a_model_scope_are_found_by_layer_name() {
        KerasArray kernel = new KerasArray("kernel", new long[] {1}, new float[] {1});
        KerasWeights weights = new KerasWeights(java.util.Map.of("sequential/dense", List.of(kernel)));
        assertThat(weights.of("dense")).contains(List.of(kernel));
        assertThat(weights.of("dense_1")).isEmpty();
    }

    @Test
    void imported_graphs_name_nodes_after_keras_layers_and_fold_the_final_softmax() {
        KerasImport imported = KerasImporter.read(KerasFixtures.modelJson("mlp"));
        assertThat(imported.graph().nodes()).extracting(Node::name)
                .containsExactly("input", "hidden", "drop", "scores", "Output");
        Node output = imported.graph().nodesOfKind(LayerKind.OUTPUT).get(0);
        assertThat(output.params().choice("loss")).isEqualTo("softmax_cross_entropy");
        assertThat(imported.graph().requireNode("dense2").params().choice("activation")).isEqualTo("none");
        assertThat(imported.notes()).anyMatch(n -> n.contains("softmax") && n.contains("'scores' (Dense)"));
        assertThat(imported.weights()).extracting(NpyArray::name)
                .containsExactly("dense1.weight", "dense1.bias", "dense2.weight", "dense2.bias");
        assertThat(imported.weights().get(0).shape()).containsExactly(16, 8);
    }

    @Test
    void branches_of_a_functional_model_lie_side_by_side() {
        KerasImport imported = KerasImporter.read(KerasFixtures.modelJson("functional"));
        java.util.Map<String, org.layerloom.engine.graph.Position> at = new java.util.HashMap<>();
        imported.graph().nodes().forEach(n -> at.put(n.name(), n.position()));
        assertThat(at.get("stem").x()).isGreaterThan(at.get("features").x());
        assertThat(at.get("skip").x()).isGreaterThan(at.get("branch").x());
        assertThat(imported.graph().nodes()).extracting(Node::position).doesNotHaveDuplicates();
    }

    @Test
    void channels_last_input_becomes_channels_first_with_a_note() {
        KerasImport imported = KerasImporter.read(KerasFixtures.modelJson("cnn"));
        Node input = imported.graph().nodesOfKind(LayerKind.INPUT).get(0);
        assertThat(input.params().dims("shape")).containsExactly(3, 8, 8);
        assertThat(imported.graph().nodesOfKind(LayerKind.CONV2D).get(0).params().intValue("padding")).isEqualTo(1);
        assertThat(imported.notes()).anyMatch(n -> n.contains("(C, H, W) = [3, 8, 8]"))
                .anyMatch(n -> n.contains("pads 'same'"));
    }

    @Test
    void channels_join_on_axis_zero_and_a_softmax_inside_the_network_is_a_node() {
        KerasImport imported = KerasImporter.read(KerasFixtures.modelJson("mixed"));
        assertThat(imported.problems()).isEmpty();
        assertThat(imported.graph().nodesOfKind(LayerKind.CONCATENATE).get(0).params().intValue("axis")).isZero();
        assertThat(imported.graph().nodesOfKind(LayerKind.SOFTMAX)).extracting(Node::name)
                .containsExactly("attention Softmax");
        assertThat(imported.graph().nodesOfKind(LayerKind.RESHAPE).get(0).params().dims("target"))
                .containsExactly(2, 4);
        assertThat(imported.graph().nodesOfKind(LayerKind.OUTPUT).get(0).params().choice("loss")).isEqualTo("mse");
    }

    @Test
    void a_final_sigmoid_layer_after_one_unit_folds_into_the_loss_and_missing_biases_stay_missing() {
        KerasImport imported = KerasImporter.read(KerasFixtures.modelJson("options"));
        assertThat(imported.graph().nodesOfKind(LayerKind.SIGMOID)).isEmpty();
        assertThat(imported.graph().nodesOfKind(LayerKind.OUTPUT).get(0).params().choice("loss"))
                .isEqualTo("sigmoid_binary_cross_entropy");
        Node plain = imported.graph().nodesOfKind(LayerKind.DENSE).get(0);
        assertThat(plain.params().flag("bias")).isFalse();
        assertThat(imported.weights()).extracting(NpyArray::name).doesNotContain(plain.id() + ".bias");
        String bn = imported.graph().nodesOfKind(LayerKind.BATCH_NORM).get(0).id();
        NpyArray gamma = imported.weights().stream().filter(w -> w.name().equals(bn + ".weight")).findFirst()
                .orElseThrow();
        assertThat(gamma.floatValues()).containsOnly(1f);
    }

    @Test
    void a_keras2_embedding_with_only_an_input_length_gives_the_input_shape() throws IOException {
        ObjectNode model = (ObjectNode) KerasFixtures.read(KerasFixtures.modelJson("lstm"));
        ObjectNode embed = (ObjectNode) model.at("/modelTopology/config/layers/0/config");
        embed.remove("batch_input_shape");
        embed.put("input_length", 6);
        Path json = dir.resolve("model.json");
        Files.writeString(json, model.toString());
        Files.copy(KerasFixtures.folder("lstm").resolve("weights.bin"), dir.resolve("weights.bin"));
        KerasImport imported = KerasImporter.read(json);
        assertThat(imported.problems()).isEmpty();
        assertThat(imported.graph().nodesOfKind(LayerKind.INPUT).get(0).params().dims("shape")).containsExactly(6);
    }

    @Test
    void lstm_gets_one_bias_as_the_input_bias_and_zeros_as_the_recurrent_one() {
        KerasImport imported = KerasImporter.read(KerasFixtures.modelJson("lstm"));
        assertThat(imported.graph().nodesOfKind(LayerKind.INPUT).get(0).params().choice("values"))
                .isEqualTo("token_ids");
        assertThat(imported.graph().nodesOfKind(LayerKind.OUTPUT).get(0).params().choice("loss"))
                .isEqualTo("sigmoid_binary_cross_entropy");
        NpyArray hh = imported.weights().stream().filter(w -> w.name().endsWith("bias_hh_l0")).findFirst()
                .orElseThrow();
        assertThat(hh.shape()).containsExactly(40);
        assertThat(hh.floatValues()).containsOnly(0f);
    }

    @Test
    void compile_config_of_a_keras_archive_suggests_the_training() {
        KerasImport imported = KerasImporter.read(KerasFixtures.folder("mlp").resolve("model.keras"));
        assertThat(imported.problems()).isEmpty();
        assertThat(imported.training()).hasValueSatisfying(t -> {
            assertThat(t.optimizer().kind()).isEqualTo(OptimizerKind.SGD);
            assertThat(t.optimizer().learningRate()).isEqualTo(0.05);
            assertThat(t.optimizer().momentum()).isEqualTo(0.9);
            assertThat(t.optimizer().nesterov()).isTrue();
        });
        assertThat(KerasImporter.read(KerasFixtures.modelJson("mlp")).training()).isEmpty();
    }

    @Test
    void legacy_training_config_suggests_the_training_and_the_loss() {
        KerasImport imported = KerasImporter.read(KerasFixtures.folder("rnn").resolve("legacy.h5"));
        assertThat(imported.problems()).isEmpty();
        assertThat(imported.graph().nodesOfKind(LayerKind.OUTPUT).get(0).params().choice("loss")).isEqualTo("l1");
        assertThat(imported.training()).hasValueSatisfying(t -> {
            assertThat(t.optimizer().kind()).isEqualTo(OptimizerKind.RMSPROP);
            assertThat(t.optimizer().learningRate()).isEqualTo(0.002);
            assertThat(t.optimizer().beta2()).isEqualTo(0.8);
        });
    }

    @Test
    void a_damaged_weight_of_a_regression_head_shows_in_the_comparison() throws IOException {
        KerasImport imported = KerasImporter.read(KerasFixtures.modelJson("mixed"));
        String head = imported.graph().nodes().stream().filter(n -> n.name().equals("result")).findFirst()
                .orElseThrow().id();
        List<NpyArray> damaged = new ArrayList<>();
        for (NpyArray w : imported.weights()) {
            float[] v = w.floatValues();
            if (w.name().equals(head + ".bias")) {
                v[0] += 0.01f;
            }
            damaged.add(NpyArray.floats(w.name(), w.shape(), v));
        }
        KerasFixtures.Reference reference = KerasFixtures.reference("mixed");
        assertThat(KerasOracle.difference(KerasOracle.predict(imported, damaged, reference), reference.output()))
                .isBetween(0.005, 0.011);
    }

    @Test
    void keras_model_json_without_weights_imports_the_structure() throws IOException {
        JsonNode topology = KerasFixtures.read(KerasFixtures.modelJson("functional")).get("modelTopology");
        Path json = dir.resolve("functional.json");
        Files.writeString(json, topology.toString());
        KerasImport imported = KerasImporter.read(json);
        assertThat(imported.problems()).isEmpty();
        assertThat(imported.weights()).isEmpty();
        assertThat(imported.graph().nodesOfKind(LayerKind.ADD)).hasSize(1);
        assertThat(imported.graph().nodesOfKind(LayerKind.CONCATENATE)).hasSize(1);
        assertThat(imported.notes()).anyMatch(n -> n.contains("no weights"));
    }

    /** The weight a naive importer would make: Keras's kernel only transposed, its columns in HWC order. */
    private static NpyArray undoReordering(NpyArray weight, TensorShape chw) {
        int c = chw.dim(0);
        int h = chw.dim(1);
        int w = chw.dim(2);
        int features = c * h * w;
        float[] ours = weight.floatValues();
        int units = ours.length / features;
        float[] naive = new float[ours.length];
        for (int o = 0; o < units; o++) {
            for (int k = 0; k < c; k++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        naive[o * features + (y * w + x) * c + k] = ours[o * features + (k * h + y) * w + x];
                    }
                }
            }
        }
        return NpyArray.floats(weight.name(), weight.shape(), naive);
    }

    /** Swaps the first two gate blocks (r and z) along axis 0, as an importer keeping Keras's order would. */
    private static NpyArray swapFirstTwoBlocks(NpyArray array, int units) {
        float[] v = array.floatValues();
        int row = (int) (v.length / array.shape()[0]);
        float[] out = v.clone();
        System.arraycopy(v, 0, out, units * row, units * row);
        System.arraycopy(v, units * row, out, 0, units * row);
        return NpyArray.floats(array.name(), array.shape(), out);
    }
}
