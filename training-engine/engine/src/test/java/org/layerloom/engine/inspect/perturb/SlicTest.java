package org.layerloom.engine.inspect.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** SLIC regions on synthetic images whose edges are known and on real MNIST digits. */
class SlicTest {

    private static final ImageGeometry DIGIT = new ImageGeometry(1, 28, 28);

    /** MNIST test image {@code index} as the network sees it: normalised by MNIST's mean and deviation. */
    static float[] mnist(int index) throws IOException {
        String property = System.getProperty("layerloom.datasets");
        Path folder = property == null || property.isBlank() || property.contains("${")
                ? Path.of("../../../shared/datasets") : Path.of(property);
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(
                folder.resolve("mnist/t10k-images-idx3-ubyte.gz"))))) {
            in.skipNBytes(16 + 784L * index);
            float[] pixels = new float[784];
            for (int i = 0; i < 784; i++) {
                pixels[i] = (in.readUnsignedByte() / 255f - 0.1307f) / 0.3081f;
            }
            return pixels;
        }
    }

    /** Checks that the labels number 0..n−1, every one used, each one 4-connected piece; returns n. */
    static int assertConnectedRegions(int[] labels, int h, int w) {
        int n = Arrays.stream(labels).max().orElseThrow() + 1;
        assertThat(Arrays.stream(labels).min().orElseThrow()).isZero();
        boolean[] seen = new boolean[n];
        boolean[] visited = new boolean[labels.length];
        for (int start = 0; start < labels.length; start++) {
            if (visited[start]) {
                continue;
            }
            assertThat(seen[labels[start]]).as("region %d is in one piece", labels[start]).isFalse();
            seen[labels[start]] = true;
            int[] queue = new int[labels.length];
            int length = 0;
            queue[length++] = start;
            visited[start] = true;
            for (int head = 0; head < length; head++) {
                int p = queue[head];
                int y = p / w;
                int x = p % w;
                for (int q : new int[] {x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1,
                    y < h - 1 ? p + w : -1}) {
                    if (q >= 0 && !visited[q] && labels[q] == labels[start]) {
                        visited[q] = true;
                        queue[length++] = q;
                    }
                }
            }
        }
        for (int r = 0; r < n; r++) {
            assertThat(seen[r]).as("region %d is used", r).isTrue();
        }
        return n;
    }

    /** The mean squared difference of each pixel from its region's mean value. */
    static double withinVariance(float[] pixels, int[] labels) {
        int n = Arrays.stream(labels).max().orElseThrow() + 1;
        double[] sum = new double[n];
        int[] count = new int[n];
        for (int p = 0; p < pixels.length; p++) {
            sum[labels[p]] += pixels[p];
            count[labels[p]]++;
        }
        double squares = 0;
        for (int p = 0; p < pixels.length; p++) {
            double d = pixels[p] - sum[labels[p]] / count[labels[p]];
            squares += d * d;
        }
        return squares / pixels.length;
    }

    @Test
    void every_pixel_is_in_one_connected_region_and_the_count_is_near_the_one_asked() throws IOException {
        for (int index : new int[] {0, 1, 2, 3}) {
            float[] digit = mnist(index);
            for (int asked : new int[] {16, 49, 100}) {
                int[] labels = Slic.segment(digit, DIGIT, asked, Slic.DEFAULT_COMPACTNESS);
                assertThat(labels).hasSize(784);
                int n = assertConnectedRegions(labels, 28, 28);
                assertThat(n).as("digit %d, %d asked", index, asked).isBetween(asked / 2, asked * 2);
            }
        }
    }

    @Test
    void no_region_straddles_the_edge_between_two_flat_halves_or_around_a_bright_square() {
        ImageGeometry halves = new ImageGeometry(3, 20, 30);
        float[] rgb = new float[halves.size()];
        for (int ch = 0; ch < 3; ch++) {
            for (int y = 0; y < 20; y++) {
                for (int x = 0; x < 30; x++) {
                    // an edge at column 13, off the seed grid; red on the left, blue-green on the right
                    rgb[ch * 600 + y * 30 + x] = x < 13 ? (ch == 0 ? 0.9f : 0.1f) : (ch == 0 ? 0.2f : 0.7f);
                }
            }
        }
        assertPure(rgb, halves, 12);

        ImageGeometry square = new ImageGeometry(1, 32, 32);
        float[] grey = new float[square.size()];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                grey[y * 32 + x] = y >= 9 && y < 21 && x >= 11 && x < 24 ? 3f : -0.5f;
            }
        }
        for (int asked : new int[] {9, 25, 64}) {
            assertPure(grey, square, asked);
        }
    }

    private static void assertPure(float[] image, ImageGeometry g, int asked) {
        int[] labels = Slic.segment(image, g, asked, Slic.DEFAULT_COMPACTNESS);
        int n = assertConnectedRegions(labels, g.height(), g.width());
        for (int r = 0; r < n; r++) {
            Set<Float> values = new HashSet<>();
            for (int p = 0; p < labels.length; p++) {
                if (labels[p] == r) {
                    values.add(image[p]);
                }
            }
            assertThat(values).as("the values of region %d of %d (%d asked)", r, n, asked).hasSize(1);
        }
    }

    @Test
    void on_mnist_digits_regions_follow_the_stroke_closer_than_a_grid_of_as_many_cells() throws IOException {
        double slicTotal = 0;
        double gridTotal = 0;
        long nanos = 0;
        int digits = 20;
        for (int index = 0; index < digits; index++) {
            float[] digit = mnist(index);
            long start = System.nanoTime();
            int[] labels = Slic.segment(digit, DIGIT, 49, Slic.DEFAULT_COMPACTNESS);
            nanos += System.nanoTime() - start;
            int[] grid = LimeFeatures.grid(DIGIT, 4, 0f).featureAt(784);
            double slic = withinVariance(digit, labels);
            double cells = withinVariance(digit, grid);
            assertThat(slic).as("digit %d", index).isLessThan(cells);
            slicTotal += slic;
            gridTotal += cells;
        }
        System.out.printf(Locale.ROOT, "SLIC on %d MNIST digits (49 asked): within-region variance %.4f vs %.4f "
                + "for 49 grid cells of 4 x 4; %.2f ms per digit%n", digits, slicTotal / digits, gridTotal / digits,
                nanos / 1e6 / digits);
        assertThat(slicTotal).as("on average well below the grid's").isLessThan(0.6 * gridTotal);
    }

    @Test
    void the_same_image_gives_the_same_regions_whatever_its_value_scale() throws IOException {
        float[] digit = mnist(7);
        int[] labels = Slic.segment(digit, DIGIT, 49, Slic.DEFAULT_COMPACTNESS);
        assertThat(Slic.segment(digit, DIGIT, 49, Slic.DEFAULT_COMPACTNESS)).isEqualTo(labels);
        float[] raw = digit.clone();
        for (int i = 0; i < raw.length; i++) {
            raw[i] = raw[i] * 0.3081f + 0.1307f;
        }
        int[] rawLabels = Slic.segment(raw, DIGIT, 49, Slic.DEFAULT_COMPACTNESS);
        long same = java.util.stream.IntStream.range(0, 784).filter(p -> rawLabels[p] == labels[p]).count();
        assertThat(same).as("pixels in the same region for [0, 1] and standardised values").isGreaterThan(770);
    }

    @Test
    void slic_features_cover_every_channel_of_each_region_once_and_hide_with_the_fill() {
        ImageGeometry g = new ImageGeometry(3, 12, 12);
        float[] image = new float[g.size()];
        for (int i = 0; i < image.length; i++) {
            image[i] = (i % 144) < 72 ? 1 : 0;
        }
        LimeFeatures features = LimeFeatures.slic(image, g, 8, 0.25f);
        assertThat(features.names().get(0)).isEqualTo("region 1");
        int[] owner = new int[g.size()];
        Arrays.fill(owner, -1);
        int[][] positions = features.positions();
        for (int f = 0; f < positions.length; f++) {
            for (int p : positions[f]) {
                assertThat(owner[p]).as("position %d in one feature", p).isEqualTo(-1);
                owner[p] = f;
            }
        }
        assertThat(owner).doesNotContain(-1);
        for (int p = 0; p < 144; p++) {
            assertThat(owner[p + 144]).isEqualTo(owner[p]);
            assertThat(owner[p + 288]).isEqualTo(owner[p]);
        }
        assertThat(features.featureAt(144)).isEqualTo(Arrays.copyOf(owner, 144));
        assertThat(features.baseline()).containsOnly(0.25f);
    }

    @Test
    void bad_settings_are_refused_with_a_reason() {
        assertThatThrownBy(() -> Slic.segment(new float[784], DIGIT, 0, 0.3)).hasMessageContaining("regions");
        assertThatThrownBy(() -> Slic.segment(new float[784], DIGIT, 10, 0)).hasMessageContaining("compactness");
        assertThatThrownBy(() -> Slic.segment(new float[10], DIGIT, 10, 0.3)).hasMessageContaining("784");
    }
}
