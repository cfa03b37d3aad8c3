package org.layerloom.engine.inspect.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Occlusion on a synthetic model whose answer depends only on a known region of the image. */
class OcclusionTest {

    /** 28 × 28; the class probability is the mean of rows 10–15, columns 4–9 (ink there keeps it high). */
    private static final ImageGeometry MNIST_LIKE = new ImageGeometry(1, 28, 28);

    private static float regionMean(float[] x) {
        double sum = 0;
        for (int y = 10; y < 16; y++) {
            for (int c = 4; c < 10; c++) {
                sum += x[y * 28 + c];
            }
        }
        return (float) (sum / 36);
    }

    @Test
    void finds_the_region_the_answer_depends_on_and_batches_every_copy() {
        List<Integer> batchSizes = new ArrayList<>();
        ClassProbe probe = inputs -> {
            batchSizes.add(inputs.length);
            float[] p = new float[inputs.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = regionMean(inputs[i]);
            }
            return p;
        };
        float[] ones = new float[784];
        java.util.Arrays.fill(ones, 1);

        OcclusionMap map = new Occlusion(probe, MNIST_LIKE).map(ones, 5, 6, 2, 0f);

        assertThat(map.probability()).isEqualTo(1.0);
        assertThat(map.copies()).isEqualTo(12 * 12); // starts 0, 2, …, 22
        assertThat(batchSizes).containsExactly(1, 144);
        assertThat(map.peakRow()).isEqualTo(10);
        assertThat(map.peakColumn()).isEqualTo(4);
        assertThat(map.peakDrop()).isCloseTo(1.0, within(1e-6));
        assertThat(map.classIndex()).isEqualTo(5);
        float[] drop = map.drop();
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                boolean near = y >= 5 && y < 21 && x >= 0 && x < 15;
                if (!near) {
                    assertThat(drop[y * 28 + x]).as("(%d, %d)", y, x).isZero();
                }
            }
        }
        int hottest = 0;
        float[] heat = map.heatmap();
        for (int i = 0; i < heat.length; i++) {
            hottest = heat[i] > heat[hottest] ? i : hottest;
        }
        assertThat(hottest / 28).isBetween(10, 15);
        assertThat(hottest % 28).isBetween(4, 9);
        assertThat(heat[hottest]).isEqualTo(1f);
    }

    @Test
    void patch_positions_cover_the_far_edge() {
        assertThat(Occlusion.positions(28, 5, 3)).containsExactly(0, 3, 6, 9, 12, 15, 18, 21, 23);
        assertThat(Occlusion.positions(8, 8, 1)).containsExactly(0);
    }

    @Test
    void hidden_channels_are_all_filled() {
        List<float[]> seen = new ArrayList<>();
        ClassProbe probe = inputs -> {
            seen.addAll(List.of(inputs));
            return new float[inputs.length];
        };
        new Occlusion(probe, new ImageGeometry(3, 2, 2)).map(new float[12], 0, 2, 1, 0.5f);
        assertThat(seen.get(1)).containsOnly(0.5f);
    }

    @Test
    void bad_settings_are_refused_with_a_reason() {
        Occlusion occlusion = new Occlusion(inputs -> new float[inputs.length], MNIST_LIKE);
        assertThatThrownBy(() -> occlusion.map(new float[784], 0, 29, 1, 0)).hasMessageContaining("patch");
        assertThatThrownBy(() -> occlusion.map(new float[784], 0, 4, 5, 0)).hasMessageContaining("stride");
        assertThatThrownBy(() -> occlusion.map(new float[10], 0, 4, 2, 0)).hasMessageContaining("784");
        assertThatThrownBy(() -> ImageGeometry.of(new int[] {10})).hasMessageContaining("not an image");
    }

    @Test
    void map_agreement_is_the_shared_share_of_the_top_pixels() {
        float[] a = {9, 8, 0, 0, 0, 0, 0, 0, 0, 0};
        float[] b = {9, 0, 8, 0, 0, 0, 0, 0, 0, 0};
        assertThat(MapAgreement.topOverlap(a, a, 0.2)).isEqualTo(1.0);
        assertThat(MapAgreement.topOverlap(a, b, 0.2)).isEqualTo(0.5);
    }
}
