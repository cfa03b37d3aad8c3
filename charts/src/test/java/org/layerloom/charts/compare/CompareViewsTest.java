package org.layerloom.charts.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerloom.charts.line.DrawnSeries;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The run overlay and the accuracy-against-size scatter with the toolkit (headless). */
@ExtendWith(ApplicationExtension.class)
class CompareViewsTest {

    private RunOverlayView overlay;
    private ParameterScatterView scatter;

    @Start
    void start(Stage stage) {
        overlay = new RunOverlayView("epoch", "validation loss");
        scatter = new ParameterScatterView();
        stage.setScene(new Scene(new HBox(overlay, scatter), 900, 400));
        stage.show();
    }

    @Test
    void each_run_is_one_labelled_curve_and_new_curves_replace_the_old() {
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            overlay.setCurves("validation loss", List.of(
                    new Curve("lr 0.01", new double[] {1, 2, 3}, new double[] {0.9, 0.6, 0.5}),
                    new Curve("lr 0.001", new double[] {1, 2}, new double[] {1.0, 0.9})));
        });
        assertThat(overlay.chart().model().drawn()).extracting(DrawnSeries::label).containsExactly("lr 0.01", "lr 0.001");
        assertThat(overlay.chart().model().pointCount()).isEqualTo(5);
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> overlay.setCurves("validation accuracy (%)", List.of(
                new Curve("only", new double[] {1}, new double[] {50}))));
        assertThat(overlay.chart().model().drawn()).hasSize(1);
    }

    @Test
    void runs_of_the_same_accuracy_get_a_readable_accuracy_axis() throws Exception {
        List<String> labels = WaitForAsyncUtils.asyncFx(() -> {
            scatter.setPoints(List.of(new ScatterPoint("run 1", 1_000, 35 / 36.0),
                    new ScatterPoint("run 2", 2_000, 35 / 36.0), new ScatterPoint("run 3", 4_000, 35 / 36.0)));
            return scatter.accuracyTickLabels(600, 400);
        }).get();
        System.out.println("accuracy ticks: " + labels);
        assertThat(labels).hasSizeBetween(2, 12).doesNotHaveDuplicates();
        assertThat(labels).allSatisfy(label -> assertThat(label).doesNotContain("E").hasSizeLessThanOrEqualTo(5));
    }

    @Test
    void the_scatter_leaves_out_runs_without_an_accuracy() {
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> scatter.setPoints(List.of(
                new ScatterPoint("small", 1_000, 0.8), new ScatterPoint("big", 100_000, 0.9),
                new ScatterPoint("regression", 5_000, Double.NaN))));
        assertThat(scatter.pointCount()).isEqualTo(2);
    }

    @Test
    void the_frontier_line_joins_the_points_it_is_given_and_can_be_removed() {
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            scatter.setPoints(List.of(new ScatterPoint("pruned", 1_000, 0.95), new ScatterPoint("original", 10_000, 0.98),
                    new ScatterPoint("int8 worse", 10_000, 0.97)));
            scatter.setFrontier(List.of(new ScatterPoint("pruned", 1_000, 0.95),
                    new ScatterPoint("original", 10_000, 0.98)));
            scatter.setAccuracyLabel("test accuracy (%)");
        });
        assertThat(scatter.pointCount()).isEqualTo(3);
        assertThat(scatter.frontierPointCount()).isEqualTo(2);
        assertThat(scatter.accuracyLabel()).isEqualTo("test accuracy (%)");
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> scatter.setFrontier(List.of()));
        assertThat(scatter.frontierPointCount()).isZero();
    }
}
