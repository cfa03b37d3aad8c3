package org.layerloom.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.train.event.DecisionMap;
import org.layerloom.engine.train.event.PlaneBounds;

class WeightsAndMapsTest {

    @Test
    void conv_filters_and_dense_weights_are_read_in_layer_order() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = ToyNetworks.open(ToyNetworks.toyConv(), TensorShape.of(1, 8, 8), manager);
            String conv = ToyNetworks.id(model, LayerKind.CONV2D, 0);
            float[] filters = new float[18];
            for (int i = 0; i < filters.length; i++) {
                filters[i] = i;
            }
            ToyNetworks.set(model, conv, "weight", filters);
            FilterBank bank = new WeightViews(model).firstConvFilters();
            assertThat(bank.filters()).isEqualTo(2);
            assertThat(bank.channels()).isEqualTo(1);
            assertThat(bank.kernel(1, 0)).containsExactly(9, 10, 11, 12, 13, 14, 15, 16, 17);
            String dense = ToyNetworks.id(model, LayerKind.DENSE, 0);
            ToyNetworks.set(model, dense, "weight", new float[] {1, 2, 3, 4});
            WeightMatrix matrix = new WeightViews(model).denseWeights(dense);
            assertThat(matrix.units()).isEqualTo(2);
            assertThat(matrix.row(1)).containsExactly(3, 4);
            assertThat(matrix.hasImageRows()).isFalse();
        }
    }

    @Test
    void units_reading_784_pixels_are_28_by_28_images() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = ToyNetworks.open(GraphBuilder.chainOf(new int[] {784}, "softmax_cross_entropy",
                    GraphBuilder.layer(LayerKind.DENSE, "units", 3)), TensorShape.of(784), manager);
            WeightMatrix matrix = new WeightViews(model).denseWeights(ToyNetworks.id(model, LayerKind.DENSE, 0));
            assertThat(matrix.hasImageRows()).isTrue();
            assertThat(matrix.unitImage(2)).hasSize(28 * 28).containsExactly(matrix.row(2));
        }
    }

    @Test
    void decision_map_is_one_forward_pass_over_the_grid_with_unit_maps() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = ToyNetworks.open(GraphBuilder.chainOf(new int[] {2}, "softmax_cross_entropy",
                    GraphBuilder.layer(LayerKind.DENSE, "units", 2, "activation", "none")), TensorShape.of(2), manager);
            String dense = ToyNetworks.id(model, LayerKind.DENSE, 0);
            ToyNetworks.set(model, dense, "weight", new float[] {1, 0, -1, 0}); // class 0 when x > 0
            ToyNetworks.set(model, dense, "bias", new float[] {0, 0});
            PlaneBounds bounds = PlaneBounds.around(new float[][] {{-1, -1}, {1, 1}}, 0.1);
            assertThat(bounds.xMin()).isCloseTo(-1.2, within(1e-9));
            DecisionMap map = new DecisionBoundary(model).map(bounds, 10, List.of(dense));
            assertThat(map.predicted()).hasSize(100);
            assertThat(map.predicted()[3 * 10 + 9]).isZero();  // right half: x > 0
            assertThat(map.predicted()[3 * 10]).isEqualTo(1);  // left half
            assertThat(map.classMap(0)[9] + map.classMap(1)[9]).isCloseTo(1f, within(1e-6f));
            float[] unit0 = map.unitMap(dense, 0);
            assertThat(unit0[9]).isCloseTo((float) bounds.x(9, 10), within(1e-6f));
            assertThat(bounds.y(0, 10)).isGreaterThan(bounds.y(9, 10)); // row 0 at the top
        }
    }
}
