package org.layerloom.engine.inspect.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.layerloom.engine.tensor.FloatTensor;
import org.layerloom.engine.train.event.WeightHistogram;

class HealthStatisticsTest {

    @Test
    void a_unit_is_dead_when_zero_for_every_example() {
        // (B=2, U=3): unit 0 fires once, unit 1 never, unit 2 always
        float[] dense = {1, 0, 2, 0, 0, 3};
        assertThat(ActivationHealth.deadFraction(new int[] {2, 3}, dense)).isCloseTo(1 / 3.0, within(1e-12));
        // (B=2, C=2, H=1, W=2): channel 1 is zero everywhere
        float[] maps = {0, 5, 0, 0, 0, 0, 0, 0};
        assertThat(ActivationHealth.deadFraction(new int[] {2, 2, 1, 2}, maps)).isEqualTo(0.5);
    }

    @Test
    void saturation_counts_the_flat_ends() {
        assertThat(ActivationHealth.saturatedFraction("sigmoid", new float[] {0.001f, 0.5f, 0.995f, 0.3f}))
                .isEqualTo(0.5);
        assertThat(ActivationHealth.saturatedFraction("tanh", new float[] {-0.999f, 0.2f, 0.5f, 0.98f}))
                .isEqualTo(0.25);
        assertThat(ActivationHealth.saturatedFraction("relu", new float[] {1})).isNaN();
    }

    @Test
    void histogram_uses_equal_bins_over_the_range() {
        WeightHistogram h = WeightHistogram.of(new float[] {0, 1, 2, 3, 4}, 4);
        assertThat(h.min()).isZero();
        assertThat(h.max()).isEqualTo(4f);
        assertThat(h.counts()).containsExactly(1, 1, 1, 2);
        assertThat(WeightHistogram.of(new float[] {2, 2}, 3).counts()).containsExactly(0, 2, 0);
    }

    @Test
    void thumbnails_pool_feature_maps_sequences_and_vectors() {
        float[] maps = new float[10 * 28 * 28];
        for (int i = 0; i < maps.length; i++) {
            maps[i] = i / (28 * 28); // channel index
        }
        FloatTensor t = Thumbnails.of("conv", new int[] {10, 28, 28}, maps).output();
        assertThat(t.shape()).containsExactly(8, 14, 14);
        assertThat(t.values()[7 * 196 + 5]).isEqualTo(7f);
        assertThat(t.max()).isEqualTo(7f);
        FloatTensor v = Thumbnails.of("dense", new int[] {128}, new float[128]).output();
        assertThat(v.shape()).containsExactly(64);
        float[] pair = {1, 3, 5, 7};
        assertThat(Thumbnails.of("d", new int[] {4}, pair).output().values()).containsExactly(pair);
        assertThat(Thumbnails.pool(pair, 0, 1, 4, 1, 2)).containsExactly(2, 6);
    }
}
