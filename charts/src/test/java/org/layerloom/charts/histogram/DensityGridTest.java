package org.layerloom.charts.histogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.charts.AxisTicks;

class DensityGridTest {

    @Test
    void histograms_with_different_ranges_share_one_value_axis() {
        HistogramFrame narrow = new HistogramFrame("1", 1, -0.1, 0.1, new int[] {5, 5});
        HistogramFrame wide = new HistogramFrame("2", 2, -1, 1, new int[] {1, 0, 0, 1});
        DensityGrid grid = DensityGrid.of(List.of(narrow, wide), 10);
        assertThat(grid.low()).isEqualTo(-1);
        assertThat(grid.high()).isEqualTo(1);
        // The narrow one sits in the two middle cells (each 0.2 wide), half its values in each.
        assertThat(grid.share(0, 4)).isCloseTo(0.5, within(1e-9));
        assertThat(grid.share(0, 5)).isCloseTo(0.5, within(1e-9));
        assertThat(grid.share(0, 0)).isZero();
        // The wide one's first bin (-1..-0.5) spreads over cells 0 to 2, a quarter of it... in 2.5 cells.
        assertThat(grid.share(1, 0) + grid.share(1, 1) + grid.share(1, 2)).isCloseTo(0.5, within(1e-9));
        assertThat(grid.share(1, 2)).isCloseTo(0.1, within(1e-9));
        assertThat(grid.share(1, 5)).isZero();
    }

    @Test
    void shades_are_relative_to_the_fullest_cell_of_the_column_with_a_square_root() {
        DensityGrid grid = DensityGrid.of(List.of(new HistogramFrame("1", 1, 0, 2, new int[] {1, 4})), 2);
        assertThat(grid.shade(0, 1)).isEqualTo(1);
        assertThat(grid.shade(0, 0)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void empty_and_constant_histograms_do_not_break_the_grid() {
        DensityGrid empty = DensityGrid.of(List.of(new HistogramFrame("1", 1, 0, 0, new int[0])), 4);
        assertThat(empty.high()).isGreaterThan(empty.low());
        assertThat(empty.shade(0, 0)).isZero();
        DensityGrid constant = DensityGrid.of(List.of(new HistogramFrame("1", 1, 0.3, 0.3, new int[] {0, 7, 0})), 4);
        assertThat(constant.share(0, 2)).isEqualTo(1);
    }

    @Test
    void ticks_are_round_and_labels_short() {
        assertThat(AxisTicks.linear(-0.37, 0.41, 4)).containsExactly(-0.2, 0.0, 0.2, 0.4);
        assertThat(AxisTicks.log(1e-6, 1, 4)).containsExactly(1e-6, 1e-4, 1e-2, 1.0);
        assertThat(AxisTicks.label(0.25)).isEqualTo("0.25");
        assertThat(AxisTicks.label(1e-5)).isEqualTo("1e-05");
        assertThat(AxisTicks.label(12_000)).isEqualTo("12k");
        assertThat(AxisTicks.label(3)).isEqualTo("3");
    }
}
