package org.layerloom.charts.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecimationTest {

    private static DoubleSeries sine(int n) {
        DoubleSeries s = new DoubleSeries();
        for (int i = 0; i < n; i++) {
            s.add(i, Math.sin(i / 100.0));
        }
        return s;
    }

    @Test
    void a_million_points_become_at_most_two_per_column_plus_the_edges() {
        DoubleSeries source = sine(1_000_000);
        DoubleSeries out = new DoubleSeries();
        Decimation.minMax(source, 0, 999_999, 1000, out);
        assertThat(out.size()).isLessThanOrEqualTo(2 * 1000 + 2).isGreaterThan(1000);
    }

    @Test
    void a_single_spike_survives_thinning() {
        DoubleSeries source = new DoubleSeries();
        for (int i = 0; i < 100_000; i++) {
            source.add(i, i == 54_321 ? 50 : 1);
        }
        DoubleSeries out = new DoubleSeries();
        Decimation.minMax(source, 0, 99_999, 300, out);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < out.size(); i++) {
            max = Math.max(max, out.y(i));
        }
        assertThat(max).isEqualTo(50);
    }

    @Test
    void only_the_visible_range_and_one_point_beyond_each_end_are_kept() {
        DoubleSeries source = sine(10_000);
        DoubleSeries out = new DoubleSeries();
        Decimation.minMax(source, 2000, 3000, 2000, out);
        assertThat(out.x(0)).isEqualTo(1999);
        assertThat(out.x(out.size() - 1)).isEqualTo(3001);
        assertThat(out.size()).isEqualTo(1003);
    }

    @Test
    void points_stay_in_order_of_x() {
        DoubleSeries source = new DoubleSeries();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 50_000; i++) {
            source.add(i * 0.01, random.nextGaussian());
        }
        DoubleSeries out = new DoubleSeries();
        Decimation.minMax(source, 0, 500, 400, out);
        for (int i = 1; i < out.size(); i++) {
            assertThat(out.x(i)).isGreaterThanOrEqualTo(out.x(i - 1));
        }
    }

    @Test
    void nan_values_are_skipped() {
        DoubleSeries source = new DoubleSeries();
        source.add(0, 1);
        source.add(1, Double.NaN);
        source.add(2, 3);
        DoubleSeries out = new DoubleSeries();
        Decimation.minMax(source, 0, 2, 100, out);
        assertThat(out.size()).isEqualTo(2);
    }

    @Test
    void a_series_refuses_points_that_go_back_in_x() {
        DoubleSeries s = new DoubleSeries();
        s.add(2, 1);
        assertThatThrownBy(() -> s.add(1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nearest_finds_the_closest_point() {
        DoubleSeries s = sine(10);
        assertThat(s.nearest(3.4)).isEqualTo(3);
        assertThat(s.nearest(3.6)).isEqualTo(4);
        assertThat(s.nearest(-5)).isZero();
        assertThat(s.nearest(50)).isEqualTo(9);
    }
}
