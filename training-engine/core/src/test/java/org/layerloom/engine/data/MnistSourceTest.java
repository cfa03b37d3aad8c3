package org.layerloom.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.layerloom.engine.graph.TensorShape;

/** MNIST read from the real IDX files in the shared test datasets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MnistSourceTest {

    private final MnistSource source = new MnistSource(MnistVariant.DIGITS);
    private Dataset whole;

    private DatasetRequest request(double validationRatio, long seed) {
        return new DatasetRequest("mnist", DatasetOptions.of(Map.of("path", SharedDatasets.mnist().toString())),
                Path.of("."), seed, validationRatio, OptionalInt.empty());
    }

    @BeforeAll
    void loadOnceAndTime() throws DatasetException {
        source.load(request(0, 1).withTrainingLimit(1000), ProgressListener.none()); // warm up the code paths
        AtomicLong lastDone = new AtomicLong();
        AtomicLong total = new AtomicLong();
        long start = System.nanoTime();
        whole = source.load(request(0, 1), (step, done, all) -> {
            lastDone.set(done);
            total.set(all);
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("MNIST: 60,000 train + 10,000 test images decoded from gzip in %d ms%n", millis);
        assertThat(lastDone.get()).isEqualTo(total.get()).isGreaterThan(11_000_000L);
    }

    @Test
    void train_and_test_have_the_published_sizes_and_shape() {
        assertThat(whole.name()).isEqualTo("MNIST");
        assertThat(whole.train().size()).isEqualTo(60_000);
        assertThat(whole.validation().size()).isZero();
        assertThat(whole.test().size()).isEqualTo(10_000);
        assertThat(whole.exampleShape()).isEqualTo(TensorShape.of(1, 28, 28));
        assertThat(whole.train().realFeatures().length()).isEqualTo(60_000 * 784);
        assertThat(whole.task()).isEqualTo(DatasetTask.classification(
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")));
    }

    @Test
    void first_training_label_is_five_and_first_test_label_is_seven() {
        assertThat(whole.train().classLabels().get(0)).isEqualTo(5);
        assertThat(whole.test().classLabels().get(0)).isEqualTo(7);
    }

    @Test
    void pixels_are_scaled_to_the_unit_interval() {
        float[] pixels = whole.train().realFeatures().toArray();
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        double sum = 0;
        for (float p : pixels) {
            min = Math.min(min, p);
            max = Math.max(max, p);
            sum += p;
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
        assertThat(sum / pixels.length).isCloseTo(0.1307, offset(0.001));
    }

    @Test
    void every_digit_is_roughly_equally_common() {
        int[] counts = whole.train().classLabels().counts();
        assertThat(Arrays.stream(counts).sum()).isEqualTo(60_000);
        assertThat(Arrays.stream(counts).boxed().toList()).allSatisfy(c -> assertThat(c).isBetween(5_000, 7_000));
        assertThat(Arrays.stream(whole.test().classLabels().counts()).boxed().toList()).allSatisfy(c -> assertThat(c).isBetween(800, 1_200));
    }

    @Test
    void validation_split_is_stratified_and_decoded_in_place_like_a_split_of_the_whole() throws DatasetException {
        Dataset split = source.load(request(0.1, 7), ProgressListener.none());
        assertThat(split.train().size()).isEqualTo(54_000);
        assertThat(split.validation().size()).isEqualTo(6_000);
        int[] all = whole.train().classLabels().counts();
        int[] held = split.validation().classLabels().counts();
        for (int c = 0; c < 10; c++) {
            assertThat((double) held[c]).as("class %d", c).isCloseTo(all[c] * 0.1, offset(1.0));
        }
        // the same split as splitting the whole training set afterwards
        Splits expected = Splits.of(whole.train(), whole.test(), 0.1, Seeds.derive(7, "validation"));
        assertThat(split.train().realFeatures().toArray()).isEqualTo(expected.train().realFeatures().toArray());
        assertThat(split.validation().classLabels().toArray()).isEqualTo(expected.validation().classLabels().toArray());
        assertThat(split.validation().realFeatures().toArray()).isEqualTo(expected.validation().realFeatures().toArray());
    }

    @Test
    void normalize_option_standardises_pixels() throws DatasetException {
        Dataset normalized = source.load(request(0, 1).withOption("normalize", true).withTrainingLimit(2_000),
                ProgressListener.none());
        float[] pixels = normalized.train().realFeatures().toArray();
        assertThat(pixels[0]).isCloseTo((float) (-0.1307 / 0.3081), offset(1e-6f));
        double mean = 0;
        for (float p : pixels) {
            mean += p;
        }
        assertThat(mean / pixels.length).isCloseTo(0, offset(0.05));
    }

    @Test
    void training_limit_reads_only_the_first_examples() throws DatasetException {
        Dataset small = source.load(request(0.2, 3).withTrainingLimit(500), ProgressListener.none());
        assertThat(small.train().size() + small.validation().size()).isEqualTo(500);
        assertThat(small.validation().size()).isEqualTo(100);
        assertThat(small.test().size()).isEqualTo(10_000);
    }

    @Test
    void progress_reaches_the_total_even_when_a_limit_skips_most_of_the_file() throws DatasetException {
        AtomicLong lastDone = new AtomicLong();
        AtomicLong total = new AtomicLong();
        source.load(request(0, 1).withTrainingLimit(10), (step, done, all) -> {
            assertThat(done).isGreaterThanOrEqualTo(lastDone.get());
            lastDone.set(done);
            total.set(all);
        });
        assertThat(lastDone.get()).isEqualTo(total.get());
    }

    @Test
    void cancelling_stops_the_load() {
        ProgressListener cancelAfterFirstChunk = new ProgressListener() {
            private int calls;

            @Override
            public void progressDidChange(String step, long done, long total) {
                calls++;
            }

            @Override
            public boolean isCancelled() {
                return calls > 1;
            }
        };
        assertThatThrownBy(() -> source.load(request(0, 1), cancelAfterFirstChunk))
                .isInstanceOf(DatasetCancelledException.class);
    }

    @Test
    void relative_paths_resolve_against_the_base_folder() throws DatasetException {
        DatasetRequest relative = new DatasetRequest("mnist", DatasetOptions.of(Map.of("path", "mnist")),
                SharedDatasets.folder(), 1, 0, OptionalInt.of(100));
        assertThat(source.load(relative, ProgressListener.none()).train().size()).isEqualTo(100);
    }
}
