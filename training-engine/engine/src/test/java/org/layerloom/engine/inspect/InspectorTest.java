package org.layerloom.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.train.event.NodeActivation;

class InspectorTest {

    private static final float[] X = {0.5f, -1.5f, 2f, 0.25f};

    @Test
    void activation_capture_equals_a_direct_forward_pass() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = ToyNetworks.open(ToyNetworks.mlp(), TensorShape.of(4), manager);
            Inspection inspection = new Inspector(model).inspect(X);

            String hidden = ToyNetworks.id(model, LayerKind.DENSE, 0);
            float[] w = ToyNetworks.parameter(model, hidden, "weight").toFloatArray();
            float[] b = ToyNetworks.parameter(model, hidden, "bias").toFloatArray();
            NodeActivation h = inspection.layer(hidden).orElseThrow();
            assertThat(h.output().shape()).containsExactly(5);
            assertThat(inspection.layout(h)).isEqualTo(ActivationLayout.VECTOR);
            assertThat(inspection.kind(h)).isEqualTo(LayerKind.DENSE);
            for (int u = 0; u < 5; u++) {
                double z = b[u];
                for (int i = 0; i < 4; i++) {
                    z += w[u * 4 + i] * X[i];
                }
                assertThat(h.output().value(u)).isCloseTo((float) Math.max(0, z), within(1e-5f));
            }
            float[] direct = model.block().forward(new ParameterStore(manager, false),
                    new NDList(manager.create(X, new Shape(1, 4))), false).head().toFloatArray();
            assertThat(inspection.prediction().outputs()).containsExactly(direct, within(0f));
            assertThat(inspection.layer(model.block().outputNodeId()).orElseThrow().output().values()).containsExactly(direct);
            float[] p = inspection.prediction().probabilities();
            assertThat(p[0] + p[1]).isCloseTo(1f, within(1e-6f));
            assertThat(inspection.prediction().predictedClass()).isEqualTo(p[1] > p[0] ? 1 : 0);
            assertThat(inspection.layers()).extracting(NodeActivation::nodeId).containsExactlyElementsOf(
                    model.block().nodeIds());
        }
    }

    @Test
    void a_tapped_node_output_feeds_the_rest_of_the_network() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = ToyNetworks.open(ToyNetworks.mlp(), TensorShape.of(4), manager);
            String hidden = ToyNetworks.id(model, LayerKind.DENSE, 1);
            String scores = ToyNetworks.id(model, LayerKind.DENSE, 2);
            float[] out = model.block().forwardTapped(new ParameterStore(manager, false),
                    new NDList(manager.create(X, new Shape(1, 4))), false,
                    (id, value) -> id.equals(hidden) ? value.zerosLike() : value).head().toFloatArray();
            // With the hidden layer's output replaced by zeros, the scores are the last layer's bias.
            assertThat(out).containsExactly(ToyNetworks.parameter(model, scores, "bias").toFloatArray());
        }
    }

    @Test
    void an_example_of_a_split_is_inspected_like_its_numbers() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = ToyNetworks.open(ToyNetworks.mlp(), TensorShape.of(4), manager);
            float[] two = {9, 9, 9, 9, 0.5f, -1.5f, 2f, 0.25f};
            org.layerloom.engine.data.Examples split = org.layerloom.engine.data.Examples.of(
                    org.layerloom.engine.data.RealFeatures.copyOf(two), TensorShape.of(4),
                    org.layerloom.engine.data.ClassLabels.copyOf(new int[] {0, 1}, 2));
            Inspector inspector = new Inspector(model);
            assertThat(inspector.inspect(split, 1)).isEqualTo(inspector.inspect(X));
        }
    }

    @Test
    void statistics_of_each_layer_are_those_of_its_values() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = ToyNetworks.open(ToyNetworks.mlp(), TensorShape.of(4), manager);
            NodeActivation input = new Inspector(model).inspect(X).layer(model.block().inputNodeId()).orElseThrow();
            assertThat(input.output().values()).containsExactly(X);
            assertThat(Inspection.stats(input).mean()).isCloseTo(0.3125, within(1e-6));
        }
    }

    @Test
    void batched_predictions_and_node_outputs_match_single_inspections() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = ToyNetworks.open(ToyNetworks.mlp(), TensorShape.of(4), manager);
            Inspector inspector = new Inspector(model);
            float[][] xs = {X, {1, 1, 1, 1}, {0, 0, 0, 0}};
            List<Prediction> predictions = inspector.predict(xs);
            String hidden = ToyNetworks.id(model, LayerKind.DENSE, 1);
            float[][] rows = inspector.outputsOf(xs, hidden);
            for (int i = 0; i < xs.length; i++) {
                Inspection one = inspector.inspect(xs[i]);
                assertThat(predictions.get(i).probabilities()).containsExactly(one.prediction().probabilities(),
                        within(1e-6f));
                assertThat(rows[i]).containsExactly(one.layer(hidden).orElseThrow().output().values(), within(1e-6f));
            }
        }
    }

    @Test
    void attention_weights_are_queries_by_keys_per_head_and_rows_sum_to_one() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = ToyNetworks.open(ToyNetworks.attention(), TensorShape.tokens(5), manager);
            Inspection inspection = new Inspector(model).inspect(new int[] {1, 2, 3, 4, 5});
            assertThat(inspection.attention()).hasSize(1);
            AttentionWeights weights = inspection.attention().get(0);
            assertThat(weights.heads()).isEqualTo(2);
            assertThat(weights.queries()).isEqualTo(5);
            assertThat(weights.keys()).isEqualTo(5);
            float[] head = weights.head(1);
            for (int q = 0; q < 5; q++) {
                float sum = 0;
                for (int k = 0; k < 5; k++) {
                    sum += head[q * 5 + k];
                }
                assertThat(sum).isCloseTo(1f, within(1e-5f));
            }
            assertThat(inspection.layout(inspection.layers().get(0))).isEqualTo(ActivationLayout.TOKEN_IDS);
            String embedding = ToyNetworks.id(model, LayerKind.EMBEDDING, 0);
            assertThat(inspection.layout(inspection.layer(embedding).orElseThrow())).isEqualTo(ActivationLayout.SEQUENCE);
        }
    }
}
