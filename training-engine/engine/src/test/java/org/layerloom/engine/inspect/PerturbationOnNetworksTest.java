package org.layerloom.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.inspect.perturb.ClassProbe;
import org.layerloom.engine.inspect.perturb.ImageGeometry;
import org.layerloom.engine.inspect.perturb.Lime;
import org.layerloom.engine.inspect.perturb.LimeExplanation;
import org.layerloom.engine.inspect.perturb.LimeFeatures;
import org.layerloom.engine.inspect.perturb.Occlusion;
import org.layerloom.engine.inspect.perturb.OcclusionMap;
import org.layerloom.engine.testing.GraphBuilder;

/**
 * Occlusion and LIME through a compiled network whose class-1 logit is, by hand-set weights, the sum of the
 * pixels of one 4 × 4 corner region of an 8 × 8 image: both must point at that region.
 */
class PerturbationOnNetworksTest {

    /** Input(64 = 8 × 8) → Dense(2, no activation) → softmax. */
    private static NetworkGraph regionNetwork() {
        return GraphBuilder.chainOf(new int[] {64}, "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.DENSE, "units", 2, "activation", "none"));
    }

    /** Class 1's logit: +1 per ink pixel in rows 4–7, columns 0–3; class 0's logit: a constant 8 (bias). */
    private static InspectedModel open(NDManager manager) {
        InspectedModel model = ToyNetworks.open(regionNetwork(), TensorShape.of(64), manager);
        String dense = ToyNetworks.id(model, LayerKind.DENSE, 0);
        float[] weight = new float[2 * 64];
        for (int y = 4; y < 8; y++) {
            for (int x = 0; x < 4; x++) {
                weight[64 + y * 8 + x] = 1;
            }
        }
        ToyNetworks.set(model, dense, "weight", weight);
        ToyNetworks.set(model, dense, "bias", new float[] {8, 0});
        return model;
    }

    private static float[] ones() {
        float[] x = new float[64];
        java.util.Arrays.fill(x, 1);
        return x;
    }

    @Test
    void occlusion_through_the_network_finds_the_region_of_the_class_score() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = open(manager);
            Inspector inspector = new Inspector(model);
            ClassProbe probe = ClassProbe.of(inspector, 1);
            ImageGeometry geometry = ImageGeometry.of(new int[] {64});
            assertThat(geometry).isEqualTo(new ImageGeometry(1, 8, 8));

            OcclusionMap map = new Occlusion(probe, geometry).map(ones(), 1, 4, 2, 0f);

            // class 1's logit is 16 (every region pixel is ink), class 0's is 8
            assertThat(map.probability()).isCloseTo(1 / (1 + Math.exp(-8)),
                    org.assertj.core.api.Assertions.within(1e-6));
            assertThat(map.peakRow()).isEqualTo(4);
            assertThat(map.peakColumn()).isEqualTo(0);
            float[] drop = map.drop();
            assertThat(drop[7 * 8]).isPositive();
            assertThat(drop[7]).isZero(); // the top-right corner changes nothing
        }
    }

    @Test
    void lime_through_the_network_ranks_the_region_cells_first() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = open(manager);
            ClassProbe probe = ClassProbe.of(new Inspector(model), 1);
            LimeFeatures cells = LimeFeatures.grid(new ImageGeometry(1, 8, 8), 2, 0f);

            LimeExplanation lime = new Lime(probe).explain(ones(), cells, 1, 400, 11);

            // the region rows 4–7, columns 0–3 is cells (2, 0), (2, 1), (3, 0), (3, 1) of the 4 × 4 grid
            java.util.Set<Integer> region = java.util.Set.of(8, 9, 12, 13);
            int[] ranking = lime.ranking();
            assertThat(java.util.Set.of(ranking[0], ranking[1], ranking[2], ranking[3])).isEqualTo(region);
            for (int f = 0; f < 16; f++) {
                if (region.contains(f)) {
                    assertThat(lime.weights()[f]).as("cell %d", f).isPositive();
                } else {
                    assertThat(Math.abs(lime.weights()[f])).as("cell %d", f)
                            .isLessThan(lime.weights()[ranking[3]] / 5);
                }
            }
            System.out.printf("LIME through a softmax of a region sum: R² %.3f%n", lime.rSquared());
            assertThat(lime.rSquared()).isGreaterThan(0.8);
        }
    }

    @Test
    void a_regression_network_is_refused_with_a_reason() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NetworkGraph graph = GraphBuilder.chainOf(new int[] {4}, "mse",
                    GraphBuilder.layer(LayerKind.DENSE, "units", 1, "activation", "none"));
            InspectedModel model = ToyNetworks.open(graph, TensorShape.of(4), manager);
            assertThatThrownBy(() -> ClassProbe.of(new Inspector(model), 0)).hasMessageContaining("classifier");
        }
    }
}
