package org.layerloom.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.TensorShape;

class GradCamTest {

    @Test
    void grad_cam_points_at_the_planted_bright_square() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = ToyNetworks.open(ToyNetworks.toyConv(), TensorShape.of(1, 8, 8), manager);
            String conv = ToyNetworks.id(model, LayerKind.CONV2D, 0);
            String dense = ToyNetworks.id(model, LayerKind.DENSE, 0);
            float[] filters = new float[2 * 9];
            Arrays.fill(filters, 0, 9, 1f / 9);   // filter 0: a bright-blob detector
            Arrays.fill(filters, 9, 18, -1f / 9); // filter 1: fires on dark, silent on this image
            ToyNetworks.set(model, conv, "weight", filters);
            ToyNetworks.set(model, conv, "bias", new float[] {0, 0});
            ToyNetworks.set(model, dense, "weight", new float[] {4, 0, -4, 1}); // class 0 ← filter 0
            ToyNetworks.set(model, dense, "bias", new float[] {0, 0});
            float[] image = new float[64];
            for (int y = 5; y <= 6; y++) {
                for (int x = 1; x <= 2; x++) {
                    image[y * 8 + x] = 1f;
                }
            }
            GradCamMap map = new GradCam(model).map(image, -1);

            assertThat(map.classIndex()).isZero();
            assertThat(map.nodeId()).isEqualTo(conv);
            assertThat(map.height()).isEqualTo(8);
            int[] peak = map.peak();
            assertThat(peak[0]).isBetween(5, 6);
            assertThat(peak[1]).isBetween(1, 2);
            assertThat(map.heatmap()[1 * 8 + 6]).isZero(); // far from the square: no evidence
            ToyNetworks.assertAllBetween(map.heatmap(), 0, 1);

            // Batched maps for a gallery equal the maps made one by one.
            float[] other = new float[64];
            other[2 * 8 + 5] = 1f;
            java.util.List<GradCamMap> maps = new GradCam(model).maps(new float[][] {image, other}, new int[] {-1, 1});
            assertThat(maps.get(0).heatmap()).containsExactly(map.heatmap(), org.assertj.core.api.Assertions.within(1e-6f));
            GradCamMap single = new GradCam(model).map(other, 1);
            assertThat(maps.get(1).classIndex()).isEqualTo(1);
            assertThat(maps.get(1).heatmap()).containsExactly(single.heatmap(),
                    org.assertj.core.api.Assertions.within(1e-6f));
        }
    }
}
