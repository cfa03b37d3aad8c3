package org.layerloom.engine.inspect.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** LIME on synthetic models whose true attribution is known: a linear probability over the input values. */
class LimeTest {

    /** An 8 × 8 image of ones; the class probability is 0.1 + Σ v·x over three cells of 4 × 4 (grid of 2 × 2). */
    private static final ImageGeometry IMAGE = new ImageGeometry(1, 8, 8);

    private static ClassProbe linear(float[] v, double bias) {
        return inputs -> {
            float[] p = new float[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                double sum = bias;
                for (int j = 0; j < v.length; j++) {
                    sum += v[j] * inputs[i][j];
                }
                p[i] = (float) sum;
            }
            return p;
        };
    }

    private static float[] cellWeights(double topLeft, double topRight, double bottomLeft, double bottomRight) {
        float[] v = new float[64];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                double cell = y < 4 ? (x < 4 ? topLeft : topRight) : (x < 4 ? bottomLeft : bottomRight);
                v[y * 8 + x] = (float) (cell / 16);
            }
        }
        return v;
    }

    @Test
    void recovers_the_weights_of_image_cells_of_a_linear_model() {
        float[] ones = new float[64];
        java.util.Arrays.fill(ones, 1);
        ClassProbe probe = linear(cellWeights(0.4, -0.2, 0.0, 0.1), 0.3);

        LimeExplanation lime = new Lime(probe).explain(ones, LimeFeatures.grid(IMAGE, 4, 0f), 3, 300, 7);

        assertThat(lime.weights()).hasSize(4);
        assertThat(lime.weights()[0]).isCloseTo(0.4, within(0.01));
        assertThat(lime.weights()[1]).isCloseTo(-0.2, within(0.01));
        assertThat(lime.weights()[2]).isCloseTo(0.0, within(0.01));
        assertThat(lime.weights()[3]).isCloseTo(0.1, within(0.01));
        assertThat(lime.ranking()).containsExactly(0, 3, 2, 1);
        assertThat(lime.intercept()).isCloseTo(0.3, within(0.01));
        assertThat(lime.rSquared()).isGreaterThan(0.999);
        assertThat(lime.classIndex()).isEqualTo(3);
        float[] top = lime.topMap(64, 1);
        assertThat(top[0]).isEqualTo(1f);
        assertThat(top[63]).isZero();
    }

    @Test
    void recovers_the_weights_of_slic_regions_of_a_linear_model_on_a_digit() throws Exception {
        ImageGeometry digit = new ImageGeometry(1, 28, 28);
        float[] pixels = SlicTest.mnist(0);
        float fill = -0.4242f; // MNIST's normalised zero
        float[] v = new float[784];
        for (int j = 0; j < 784; j++) {
            v[j] = (float) (0.004 * Math.sin(j * 0.37) + 0.002);
        }
        LimeFeatures regions = LimeFeatures.slic(pixels, digit, 30, fill);
        // the true attribution of a region: what the probability loses when it alone is hidden
        double[] truth = new double[regions.count()];
        int[][] positions = regions.positions();
        for (int f = 0; f < truth.length; f++) {
            for (int p : positions[f]) {
                truth[f] += v[p] * (pixels[p] - fill);
            }
        }

        LimeExplanation lime = new Lime(linear(v, 0.2)).explain(pixels, regions, 7, 1000, 3);

        double worst = 0;
        double largest = 0;
        for (int f = 0; f < truth.length; f++) {
            worst = Math.max(worst, Math.abs(lime.weights()[f] - truth[f]));
            largest = Math.max(largest, Math.abs(truth[f]));
        }
        System.out.printf(java.util.Locale.ROOT, "LIME over %d SLIC regions of a digit: largest error %.5f, largest"
                + " true weight %.4f, R² %.5f%n", truth.length, worst, largest, lime.rSquared());
        assertThat(largest).as("a test with something to find").isGreaterThan(0.05);
        assertThat(worst).isLessThan(0.01);
        assertThat(lime.rSquared()).isGreaterThan(0.999);
        assertThat(lime.names().get(lime.ranking()[0])).startsWith("region ");
    }

    @Test
    void the_same_seed_gives_the_same_explanation_and_another_seed_other_masks() {
        float[] ones = new float[64];
        java.util.Arrays.fill(ones, 1);
        float[] v = cellWeights(0.4, -0.2, 0.0, 0.1);
        // a non-linear model, so that the masks drawn change the fit
        ClassProbe squared = inputs -> {
            float[] p = linear(v, 0).probabilities(inputs);
            for (int i = 0; i < p.length; i++) {
                p[i] = p[i] * p[i];
            }
            return p;
        };
        LimeFeatures cells = LimeFeatures.grid(IMAGE, 2, 0.5f);
        LimeExplanation first = new Lime(squared).explain(ones, cells, 0, 100, 5);
        assertThat(new Lime(squared).explain(ones, cells, 0, 100, 5)).isEqualTo(first);
        assertThat(new Lime(squared).explain(ones, cells, 0, 100, 6).weights()).isNotEqualTo(first.weights());
        assertThat(first.rSquared()).isLessThan(1);
    }

    @Test
    void table_columns_are_hidden_by_their_mean_so_a_weight_is_slope_times_distance_from_the_mean() {
        ClassProbe probe = linear(new float[] {0.5f, 0f, -0.25f}, 0.2);
        float[] row = {2, 7, 1};
        float[] means = {1, 3, 3};

        LimeExplanation lime = new Lime(probe).explain(row, LimeFeatures.columns(List.of("a", "b", "c"), means), 1,
                200, 3);

        assertThat(lime.weights()[0]).isCloseTo(0.5, within(0.01)); // 0.5 · (2 − 1)
        assertThat(lime.weights()[1]).isCloseTo(0.0, within(0.01));
        assertThat(lime.weights()[2]).isCloseTo(0.5, within(0.01)); // −0.25 · (1 − 3)
        assertThat(lime.rSquared()).isGreaterThan(0.999);
        assertThat(lime.names()).containsExactly("a", "b", "c");
    }

    @Test
    void words_are_hidden_as_the_unknown_word_and_padding_is_no_feature() {
        // the answer depends on whether the word of id 7 ("great") is present: hiding it makes it id 1
        ClassProbe probe = inputs -> {
            float[] p = new float[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                double score = 0.2;
                for (float id : inputs[i]) {
                    score += id == 7 ? 0.6 : id == 9 ? -0.1 : 0;
                }
                p[i] = (float) score;
            }
            return p;
        };
        int[] ids = {4, 7, 9, 0, 0};
        LimeFeatures words = LimeFeatures.words(ids, List.of("the", "great", "bad", "<pad>", "<pad>"));
        assertThat(words.names()).containsExactly("the", "great", "bad");

        LimeExplanation lime = new Lime(probe).explain(new float[] {4, 7, 9, 0, 0}, words, 1, 100, 1);

        assertThat(lime.names().get(lime.ranking()[0])).isEqualTo("great");
        assertThat(lime.weights()[1]).isCloseTo(0.6, within(0.01));
        assertThat(lime.weights()[2]).isCloseTo(-0.1, within(0.01));
        assertThat(lime.weights()[0]).isCloseTo(0.0, within(0.01));
        assertThatThrownBy(() -> LimeFeatures.words(new int[] {0, 0}, List.of("<pad>", "<pad>")))
                .hasMessageContaining("only padding");
    }

    @Test
    void bad_settings_are_refused_with_a_reason() {
        assertThatThrownBy(() -> LimeFeatures.grid(IMAGE, 0, 0f)).hasMessageContaining("superpixel");
        assertThatThrownBy(() -> new Lime(linear(new float[64], 0)).explain(new float[64],
                LimeFeatures.grid(IMAGE, 4, 0f), 0, 1, 1)).hasMessageContaining("at least 2");
    }
}
