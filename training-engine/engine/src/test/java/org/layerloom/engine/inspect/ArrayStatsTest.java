package org.layerloom.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ArrayStatsTest {

    @Test
    void mean_std_zero_fraction_min_and_max_by_hand() {
        ArrayStats stats = ArrayStats.of(new float[] {0, 2, 0, 4, -2});
        assertThat(stats.mean()).isCloseTo(0.8, within(1e-9));
        // deviations −0.8, 1.2, −0.8, 3.2, −2.8 → squares 0.64 + 1.44 + 0.64 + 10.24 + 7.84 = 20.8
        assertThat(stats.std()).isCloseTo(Math.sqrt(20.8 / 5), within(1e-9));
        assertThat(stats.zeroFraction()).isEqualTo(0.4);
        assertThat(stats.min()).isEqualTo(-2f);
        assertThat(stats.max()).isEqualTo(4f);
        assertThat(ArrayStats.of(new float[0]).mean()).isNaN();
    }
}
