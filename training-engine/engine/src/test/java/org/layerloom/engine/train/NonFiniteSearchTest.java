package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.compile.EngineSeed;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.GraphCompiler;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.train.event.NotFiniteCause;
import org.layerloom.engine.train.event.OutputNotFinite;

/** The rerun of a not-finite first batch names the first culprit in data-flow order. */
class NonFiniteSearchTest {

    private NDManager manager;
    private NetworkGraph graph;
    private GraphBlock block;
    private String conv1;
    private String conv2;
    private String dense;

    @BeforeEach
    void compile() {
        manager = NDManager.newBaseManager();
        NetworkGraph chain = GraphBuilder.chainOf(new int[] {1, 6, 6}, "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.CONV2D, "filters", 2, "kernel", 3, "padding", 1, "activation", "none"),
                GraphBuilder.layer(LayerKind.CONV2D, "filters", 2, "kernel", 3, "padding", 1, "activation", "gelu"),
                GraphBuilder.layer(LayerKind.GLOBAL_AVG_POOL2D),
                GraphBuilder.layer(LayerKind.DENSE, "units", 2, "activation", "none"));
        conv1 = chain.nodesOfKind(LayerKind.CONV2D).get(0).id();
        conv2 = chain.nodesOfKind(LayerKind.CONV2D).get(1).id();
        dense = chain.nodesOfKind(LayerKind.DENSE).get(0).id();
        graph = chain.withReplacedNode(chain.requireNode(conv2).withName("Conv 2"));
        EngineSeed.set(3);
        block = GraphCompiler.standard().compile(graph);
        block.initialize(manager, DataType.FLOAT32, new Shape(4, 1, 6, 6));
        // The first convolution outputs 2 everywhere: finite input for the second.
        fill(conv1, "weight", 0);
        fill(conv1, "bias", 2);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void a_layer_that_turns_finite_inputs_into_nan_is_named_with_its_kind() {
        fill(conv2, "weight", -3e38f); // finite weights: the sum overflows to -∞, and GELU(-∞) = -∞ · 0 = NaN

        OutputNotFinite found = search(ones());

        assertThat(found.cause()).isEqualTo(NotFiniteCause.LAYER);
        assertThat(found.nodeId()).isEqualTo(conv2);
        assertThat(found.nodeName()).isEqualTo("Conv 2");
        assertThat(found.layerKind()).isEqualTo("Conv2D");
        assertThat(found.value()).isEqualTo("NaN");
        assertThat(NonFiniteExplanation.text(found)).contains("Conv 2 (Conv2D) turned finite inputs into NaN")
                .contains("epoch 1, batch 1").doesNotContain("too high", "try 0.0");
    }

    @Test
    void a_nan_initial_weight_names_its_layer_before_its_output_and_before_later_layers() {
        float[] weights = parameter(conv2, "weight").toFloatArray();
        weights[5] = Float.NaN;
        parameter(conv2, "weight").set(weights);
        fill(dense, "weight", Float.POSITIVE_INFINITY);

        OutputNotFinite found = search(ones());

        assertThat(found.cause()).isEqualTo(NotFiniteCause.PARAMETER);
        assertThat(found.nodeId()).isEqualTo(conv2);
        assertThat(found.parameter()).isEqualTo("weight");
        assertThat(NonFiniteExplanation.text(found)).contains("The initial 'weight' values of Conv 2 (Conv2D) are NaN")
                .doesNotContain("learning rate 0", "too high");
    }

    @Test
    void nan_in_the_input_batch_is_the_data() {
        float[] values = new float[4 * 36];
        Arrays.fill(values, 1);
        values[40] = Float.NaN;
        OutputNotFinite found = search(manager.create(values, new Shape(4, 1, 6, 6)));
        assertThat(found.cause()).isEqualTo(NotFiniteCause.INPUT);
        assertThat(found.nodeId()).isEmpty();
    }

    @Test
    void a_finite_rerun_says_the_kernels_are_not_deterministic() {
        OutputNotFinite found = search(ones());
        assertThat(found.cause()).isEqualTo(NotFiniteCause.NOT_REPRODUCED);
        assertThat(NonFiniteExplanation.text(found)).contains("The output was not a number once and finite on a"
                + " rerun: the processor's kernels are not deterministic here.");
    }

    @Test
    void infinite_values_and_the_data_place_are_said_in_words() {
        OutputNotFinite layer = OutputNotFinite.builder().setBatch(2, 7).setCause(NotFiniteCause.LAYER)
                .optNode("dense3", "scores", "Dense").setValue("infinite").build();
        assertThat(NonFiniteExplanation.text(layer)).contains("(epoch 2, batch 7)",
                "scores (Dense) turned finite inputs into infinite values", "kernel self-test",
                "LAYERLOOM_KERNELS=onednn-off");
        OutputNotFinite data = OutputNotFinite.builder().setBatch(1, 1).setCause(NotFiniteCause.INPUT).setValue("NaN")
                .optDataWhere("Moons, example 17 of the training split, feature 2").build();
        assertThat(NonFiniteExplanation.text(data)).contains("The input batch itself contains NaN (not a number)"
                + " values: check the data (Moons, example 17 of the training split, feature 2).").doesNotContain("kernels");
        OutputNotFinite targets = OutputNotFinite.builder().setBatch(3, 12).optUpdates(75)
                .setCause(NotFiniteCause.TARGETS).setValue("infinite").build();
        assertThat(NonFiniteExplanation.text(targets)).contains("(epoch 3, batch 12), after 75 updates, and the learning"
                + " rate is not the cause", "The targets of this batch contain infinite values");
    }

    @Test
    void a_node_whose_name_says_its_kind_is_not_named_twice() {
        assertThat(NonFiniteExplanation.who("Conv2D 2", "Conv2D")).isEqualTo("Conv2D 2");
        assertThat(NonFiniteExplanation.who("edges", "Conv2D")).isEqualTo("edges (Conv2D)");
    }

    private OutputNotFinite search(NDArray inputs) {
        try (NDManager scope = manager.newSubManager()) {
            inputs.attach(scope);
            return new NonFiniteSearch(block, graph, LayerCatalog.standard()).find(inputs, 1, 1, scope);
        }
    }

    private NDArray ones() {
        return manager.ones(new Shape(4, 1, 6, 6));
    }

    private void fill(String nodeId, String suffix, float value) {
        NDArray array = parameter(nodeId, suffix);
        float[] values = new float[(int) array.size()];
        Arrays.fill(values, value);
        array.set(values);
    }

    private NDArray parameter(String nodeId, String suffix) {
        for (Pair<String, Parameter> pair : block.nodeBlock(nodeId).orElseThrow().getParameters()) {
            if (pair.getKey().endsWith(suffix)) {
                return pair.getValue().getArray();
            }
        }
        throw new IllegalArgumentException(nodeId + " has no " + suffix);
    }

}
