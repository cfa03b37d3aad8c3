package org.layerloom.charts.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LineChartModelTest {

    @Test
    void smoothing_zero_follows_the_data_and_the_first_value_is_not_pulled_to_zero() {
        Smoothing none = new Smoothing(0);
        assertThat(none.next(5)).isEqualTo(5);
        assertThat(none.next(1)).isEqualTo(1);
        Smoothing heavy = new Smoothing(0.9);
        assertThat(heavy.next(2.0)).isCloseTo(2.0, within(1e-12));
        assertThat(heavy.next(0.0)).isBetween(0.0, 2.0);
    }

    @Test
    void a_noisy_series_draws_a_faint_raw_line_and_a_smoothed_line() {
        LineChartModel model = new LineChartModel();
        model.addSeries("loss", "training loss", SeriesKind.RAW_WITH_SMOOTHED, 0);
        model.addSeries("val", "validation loss", SeriesKind.POINTS, 1);
        assertThat(model.drawn()).extracting(DrawnSeries::role).containsExactly("raw", "smoothed", "points");
        assertThat(model.drawn().get(0).label()).isNull();
    }

    @Test
    void changing_the_smoothing_recomputes_the_whole_smoothed_line() {
        LineChartModel model = new LineChartModel();
        model.addSeries("loss", "loss", SeriesKind.RAW_WITH_SMOOTHED, 0);
        for (int i = 0; i < 100; i++) {
            model.append("loss", i, i % 2 == 0 ? 1 : 3);
        }
        model.setSmoothing(0);
        assertThat(model.smoothed("loss").y(99)).isEqualTo(3);
        model.setSmoothing(0.95);
        assertThat(model.smoothed("loss").y(99)).isCloseTo(2, within(0.1));
        assertThat(model.smoothed("loss").size()).isEqualTo(100);
    }

    @Test
    void csv_holds_every_point_the_smoothed_line_and_the_markers() {
        LineChartModel model = new LineChartModel();
        model.addSeries("loss", "loss", SeriesKind.RAW_WITH_SMOOTHED, 0);
        model.addSeries("val", "validation, loss", SeriesKind.POINTS, 1);
        for (int i = 0; i < 5000; i++) {
            model.append("loss", i * 0.001, 1.0 / (i + 1));
        }
        model.append("val", 1, 0.25);
        model.addMarker(2.5, "lr 0.01 → 0.001 at epoch 3");
        StringBuilder csv = new StringBuilder();
        model.writeCsv(csv);
        String[] lines = csv.toString().split("\n");
        assertThat(lines[0]).isEqualTo("series,x,y");
        assertThat(lines).hasSize(1 + 5000 + 5000 + 1 + 1);
        assertThat(lines[1]).isEqualTo("loss,0,1");
        assertThat(csv.toString()).contains("\"validation, loss\",1,0.25\n")
                .contains("loss (smoothed),").endsWith("marker,2.5,lr 0.01 → 0.001 at epoch 3\n");
    }

    @Test
    void bounds_span_all_series() {
        LineChartModel model = new LineChartModel();
        assertThat(model.xBounds()).isNull();
        model.addSeries("a", "a", SeriesKind.LINE, 0);
        model.addSeries("b", "b", SeriesKind.LINE, 1);
        model.append("a", 2, 1);
        model.append("b", 0.5, 1);
        model.append("b", 7, 1);
        assertThat(model.xBounds()).containsExactly(0.5, 7);
        assertThat(model.pointCount()).isEqualTo(3);
    }
}
