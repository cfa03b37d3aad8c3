package org.layerloom.engine.data.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.TestRequests;
import org.layerloom.engine.data.TokenFeatures;

class GeneratedImagesAndSequencesTest {

    private static final Path HERE = Path.of(".");

    @Test
    void shapes_are_grey_28_by_28_by_default_balanced_and_repeatable() throws Exception {
        Dataset shapes = TestRequests.load("shapes", HERE, "samples", 400);
        assertThat(shapes.exampleShape().dims()).containsExactly(1, 28, 28);
        assertThat(shapes.classNames()).containsExactly("circle", "square", "triangle", "star");
        assertThat(shapes.test().classLabels().counts()).containsExactly(20, 20, 20, 20);
        Dataset again = TestRequests.load("shapes", HERE, "samples", 400);
        assertThat(again.train().realFeatures().toArray()).containsExactly(shapes.train().realFeatures().toArray());
        float[] first = shapes.train().realFeatures().slice(0, 784).toArray();
        int bright = 0;
        for (float v : first) {
            bright += v > 0.5 ? 1 : 0;
        }
        assertThat(bright).as("a shape is drawn").isBetween(20, 500);
    }

    @Test
    void colour_shapes_of_32_pixels_have_three_channels_and_chosen_kinds() throws Exception {
        Dataset shapes = TestRequests.load("shapes", HERE, "samples", 60, "size", 32, "colour", true, "shapes",
                "hexagon, heart,cross");
        assertThat(shapes.exampleShape().dims()).containsExactly(3, 32, 32);
        assertThat(shapes.classNames()).containsExactly("hexagon", "heart", "cross");
    }

    @Test
    void an_unknown_shape_lists_the_known_ones() {
        assertThatThrownBy(() -> TestRequests.load("shapes", HERE, "shapes", "circle,blob"))
                .isInstanceOf(DatasetException.class).hasMessageContaining("no shape 'blob'")
                .hasMessageContaining("circle, square, triangle, star");
    }

    @Test
    void ten_thousand_shapes_are_drawn_in_a_few_seconds() throws Exception {
        long start = System.nanoTime();
        Dataset shapes = TestRequests.load("shapes", HERE, "samples", 10_000);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("shapes: 10,000 pictures of 28x28 in %.2f s%n", seconds);
        assertThat(shapes.splits().totalSize()).isEqualTo(10_000);
        assertThat(seconds).isLessThan(20);
    }

    @Test
    void digits_are_rendered_with_fonts_in_ten_classes() throws Exception {
        long start = System.nanoTime();
        Dataset digits = TestRequests.load("digits", HERE, "samples", 2000);
        System.out.printf("digits: 2,000 pictures of 28x28 in %.2f s%n", (System.nanoTime() - start) / 1e9);
        assertThat(digits.exampleShape().dims()).containsExactly(1, 28, 28);
        assertThat(digits.classNames()).hasSize(10);
        assertThat(digits.test().classLabels().counts()).containsOnly(40);
    }

    @Test
    void sine_forecast_targets_continue_the_wave() throws Exception {
        Dataset sine = TestRequests.load("sine-forecast", HERE, "samples", 200, "length", 16, "noise", 0);
        assertThat(sine.exampleShape().dims()).containsExactly(16, 1);
        assertThat(sine.task()).isEqualTo(DatasetTask.regression(1));
        Examples train = sine.train();
        float[] x = train.realFeatures().toArray();
        float[] y = ((org.layerloom.engine.data.RegressionTargets) train.labels()).toArray();
        for (int i = 0; i < 20; i++) {
            // a sine satisfies x[t+1] = 2cos(w) x[t] - x[t-1]; estimate 2cos(w) from the first steps
            double a = x[i * 16 + 2] + x[i * 16];
            double b = x[i * 16 + 1];
            if (Math.abs(b) < 0.2) {
                continue;
            }
            double k = a / b;
            double predicted = k * x[i * 16 + 15] - x[i * 16 + 14];
            assertThat(y[i]).isCloseTo((float) predicted, org.assertj.core.api.Assertions.within(0.02f));
        }
    }

    @Test
    void pattern_sequences_contain_the_run_exactly_when_labelled_so() throws Exception {
        Dataset data = TestRequests.load("sequence-pattern", HERE, "samples", 300);
        assertThat(data.exampleShape().isTokenIds()).isTrue();
        TokenFeatures ids = (TokenFeatures) data.train().features();
        for (int i = 0; i < data.train().size(); i++) {
            int[] seq = new int[12];
            for (int t = 0; t < 12; t++) {
                seq[t] = ids.get(i * 12 + t);
            }
            assertThat(SequencePatternSource.contains(seq)).isEqualTo(data.train().classLabels().get(i) == 1);
        }
    }

    @Test
    void sorted_sequences_as_real_values_have_a_step_axis() throws Exception {
        Dataset data = TestRequests.load("sequence-pattern", HERE, "samples", 100, "task", "sorted", "values", "real");
        assertThat(data.exampleShape().dims()).containsExactly(12, 1);
        assertThat(data.classNames()).containsExactly("not sorted", "sorted");
    }
}
