package org.layerloom.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.TensorShape;

class AttributionTest {

    @Test
    void saliency_of_a_linear_model_is_its_weight_row() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = ToyNetworks.open(ToyNetworks.linear(), TensorShape.of(4), manager);
            String dense = ToyNetworks.id(model, LayerKind.DENSE, 0);
            float[] weights = ToyNetworks.parameter(model, dense, "weight").toFloatArray(); // (3, 4)
            for (int c = 0; c < 3; c++) {
                SaliencyMap map = new Attribution(model).saliency(new float[] {0.5f, -1f, 2f, 0.25f}, c);
                assertThat(map.classIndex()).isEqualTo(c);
                for (int i = 0; i < 4; i++) {
                    assertThat(map.gradient()[i]).isCloseTo(weights[c * 4 + i], within(1e-6f));
                }
            }
        }
    }

    @Test
    void saliency_leaves_no_parameter_gradient_behind() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = ToyNetworks.open(ToyNetworks.linear(), TensorShape.of(4), manager);
            new Attribution(model).saliency(new float[] {1, 2, 3, 4}, 1);
            String dense = ToyNetworks.id(model, LayerKind.DENSE, 0);
            assertThat(ToyNetworks.parameter(model, dense, "weight").getGradient().toFloatArray()).containsOnly(0f);
        }
    }

    @Test
    void predicted_class_is_explained_when_none_is_chosen_and_smoothgrad_is_repeatable() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = ToyNetworks.open(ToyNetworks.mlp(), TensorShape.of(4), manager);
            float[] x = {0.3f, -0.7f, 1.1f, 0.2f};
            int predicted = new Inspector(model).inspect(x).prediction().predictedClass();
            Attribution attribution = new Attribution(model);
            assertThat(attribution.saliency(x, -1).classIndex()).isEqualTo(predicted);
            SaliencyMap a = attribution.smoothGrad(x, -1, 8, 0.1, 42);
            SaliencyMap b = attribution.smoothGrad(x, -1, 8, 0.1, 42);
            assertThat(a.gradient()).containsExactly(b.gradient());
            ToyNetworks.assertAllBetween(a.heatmap(), 0, 1);
            // With no noise SmoothGrad is the plain saliency.
            assertThat(attribution.smoothGrad(x, 1, 3, 0, 1).gradient())
                    .containsExactly(attribution.saliency(x, 1).gradient(), within(1e-6f));
        }
    }

    @Test
    void token_importance_has_one_value_per_token() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = ToyNetworks.open(ToyNetworks.attention(), TensorShape.tokens(5), manager);
            TokenImportance importance = new Attribution(model).tokenImportance(new int[] {1, 4, 2, 9, 0}, 0);
            assertThat(importance.importance()).hasSize(5);
            ToyNetworks.assertAllBetween(importance.importance(), 0, Float.MAX_VALUE);
            assertThat(importance.normalised()).contains(1f);
        }
    }
}
