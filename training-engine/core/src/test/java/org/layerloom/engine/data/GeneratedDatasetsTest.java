package org.layerloom.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.graph.TensorShape;

/** The generated datasets: sizes, balance, determinism and shape of the problem. */
class GeneratedDatasetsTest {

    private final DatasetRegistry registry = DatasetRegistry.standard();

    static Stream<String> classifiers() {
        return Stream.of("spirals", "moons", "circles", "xor", "blobs");
    }

    static Stream<String> allGenerated() {
        return Stream.concat(classifiers(), Stream.of("curve", "sine-regression"));
    }

    private static DatasetRequest request(String source, long seed) {
        return new DatasetRequest(source, DatasetOptions.empty(), Path.of("."), seed, 0.1, OptionalInt.empty());
    }

    private Dataset load(DatasetRequest request) throws DatasetException {
        return registry.load(request, ProgressListener.none());
    }

    @ParameterizedTest
    @MethodSource("allGenerated")
    void default_sizes_are_800_train_minus_validation_and_200_test(String source) throws DatasetException {
        Dataset dataset = load(request(source, 1));
        assertThat(dataset.test().size()).isEqualTo(200);
        assertThat(dataset.validation().size()).isEqualTo(80);
        assertThat(dataset.train().size()).isEqualTo(720);
        assertThat(dataset.splits().totalSize()).isEqualTo(1000);
        assertThat(dataset.description()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("allGenerated")
    void the_same_seed_gives_the_same_data_and_another_seed_different_data(String source) throws DatasetException {
        float[] first = load(request(source, 7)).train().realFeatures().toArray();
        float[] again = load(request(source, 7)).train().realFeatures().toArray();
        float[] other = load(request(source, 8)).train().realFeatures().toArray();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @ParameterizedTest
    @MethodSource("allGenerated")
    void every_value_is_finite(String source) throws DatasetException {
        Dataset dataset = load(request(source, 3).withOption("samples", 2000).withOption("noise", 0.5));
        for (Examples part : new Examples[] {dataset.train(), dataset.validation(), dataset.test()}) {
            for (float v : part.realFeatures().toArray()) {
                assertThat(Float.isFinite(v)).isTrue();
            }
            if (part.labels() instanceof RegressionTargets targets) {
                for (float v : targets.toArray()) {
                    assertThat(Float.isFinite(v)).isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void classes_are_balanced_in_every_split(String source) throws DatasetException {
        Dataset dataset = load(request(source, 5).withOption("samples", 1200));
        assertThat(dataset.exampleShape()).isEqualTo(TensorShape.of(2));
        for (Examples part : new Examples[] {dataset.train(), dataset.validation(), dataset.test()}) {
            int[] counts = part.classLabels().counts();
            int expected = part.size() / counts.length;
            assertThat(Arrays.stream(counts).boxed().toList()).allSatisfy(c ->
                    assertThat(c).isBetween(expected - 1, expected + 1));
        }
    }

    @Test
    void classes_option_sets_the_number_of_spiral_arms_and_blobs() throws DatasetException {
        Dataset spirals = load(request("spirals", 1).withOption("classes", 5));
        assertThat(((DatasetTask.Classification) spirals.task()).classNames()).hasSize(5);
        assertThat(spirals.train().classLabels().classCount()).isEqualTo(5);
        Dataset blobs = load(request("blobs", 1).withOption("classes", "4"));
        assertThat(((DatasetTask.Classification) blobs.task()).classNames())
                .containsExactly("blob 1", "blob 2", "blob 3", "blob 4");
    }

    @Test
    void curves_are_regressions_with_one_input_and_one_target() throws DatasetException {
        Dataset sine = load(request("curve", 1).withOption("noise", 0));
        assertThat(sine.task()).isEqualTo(DatasetTask.regression(1));
        assertThat(sine.exampleShape()).isEqualTo(TensorShape.of(1));
        float[] x = sine.train().realFeatures().toArray();
        float[] y = ((RegressionTargets) sine.train().labels()).toArray();
        for (int i = 0; i < x.length; i++) {
            assertThat(x[i]).isBetween((float) -Math.PI, (float) Math.PI);
            assertThat((double) y[i]).isCloseTo(Math.sin(x[i]), org.assertj.core.data.Offset.offset(1e-6));
        }
        Dataset cubic = load(request("curve", 1).withOption("function", "polynomial").withOption("noise", 0));
        assertThat(cubic.name()).isEqualTo("Cubic curve");
        float[] cx = cubic.test().realFeatures().toArray();
        float[] cy = ((RegressionTargets) cubic.test().labels()).toArray();
        for (int i = 0; i < cx.length; i++) {
            double u = cx[i];
            assertThat((double) cy[i]).isCloseTo(0.5 * u * u * u - 1.5 * u, org.assertj.core.data.Offset.offset(1e-5))
                    .isBetween(-1.0001, 1.0001);
        }
    }

    @Test
    void blobs_are_separable_by_nearest_centroid_but_spirals_are_not() throws DatasetException {
        assertThat(nearestCentroidAccuracy(load(request("blobs", 2)))).isGreaterThan(0.95);
        assertThat(nearestCentroidAccuracy(load(request("spirals", 2)))).isLessThan(0.75);
        assertThat(nearestCentroidAccuracy(load(request("xor", 2)))).isLessThan(0.75);
    }

    @Test
    void training_limit_caps_the_training_examples_only() throws DatasetException {
        Dataset dataset = load(request("moons", 1).withTrainingLimit(100));
        assertThat(dataset.train().size() + dataset.validation().size()).isEqualTo(100);
        assertThat(dataset.test().size()).isEqualTo(200);
        // the first 100 training examples: classes alternate before the test split, so roughly balanced
        assertThat(Arrays.stream(dataset.train().classLabels().counts()).boxed().toList())
                .allSatisfy(c -> assertThat(c).isBetween(40, 50));
    }

    @Test
    void bad_options_are_explained() {
        assertThatThrownBy(() -> load(request("spirals", 1).withOption("samples", "many")))
                .isInstanceOf(DatasetException.class)
                .hasMessage("The dataset option 'samples' must be a whole number from 10 to 1,000,000, but it is "
                        + "\"many\".");
        assertThatThrownBy(() -> load(request("moons", 1).withOption("noise", -1)))
                .hasMessageContaining("'noise'").hasMessageContaining("from 0 to 10");
        assertThatThrownBy(() -> load(request("circles", 1).withOption("sample", 10)))
                .hasMessage("The dataset Circles has no option 'sample'. Its options are: factor, noise, samples.");
        assertThatThrownBy(() -> load(request("curve", 1).withOption("function", "cosine")))
                .hasMessageContaining("sine, polynomial");
    }

    /** Accuracy on the test split of classifying each point by the nearest class mean of the training split. */
    private static double nearestCentroidAccuracy(Dataset dataset) {
        int classes = dataset.train().classLabels().classCount();
        double[][] sums = new double[classes][2];
        int[] counts = dataset.train().classLabels().counts();
        RealFeatures train = dataset.train().realFeatures();
        for (int i = 0; i < dataset.train().size(); i++) {
            int c = dataset.train().classLabels().get(i);
            sums[c][0] += train.get(2 * i);
            sums[c][1] += train.get(2 * i + 1);
        }
        RealFeatures test = dataset.test().realFeatures();
        int right = 0;
        for (int i = 0; i < dataset.test().size(); i++) {
            int best = 0;
            double bestDistance = Double.MAX_VALUE;
            for (int c = 0; c < classes; c++) {
                double dx = test.get(2 * i) - sums[c][0] / counts[c];
                double dy = test.get(2 * i + 1) - sums[c][1] / counts[c];
                if (dx * dx + dy * dy < bestDistance) {
                    bestDistance = dx * dx + dy * dy;
                    best = c;
                }
            }
            if (best == dataset.test().classLabels().get(i)) {
                right++;
            }
        }
        return right / (double) dataset.test().size();
    }
}
