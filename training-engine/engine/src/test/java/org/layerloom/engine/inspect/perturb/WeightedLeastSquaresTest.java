package org.layerloom.engine.inspect.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.testing.torch.TorchFixture;

/**
 * The weighted least squares of LIME against numpy's {@code lstsq} on the rows scaled by √w (fixtures of
 * {@code src/test/python/reference_lstsq.py}).
 */
class WeightedLeastSquaresTest {

    @ParameterizedTest
    @ValueSource(strings = {"gaussian-n40-d3", "masks-n300-d25", "gaussian-n12-d11"})
    void equals_numpy_lstsq_on_the_weighted_rows(String name) {
        try (NDManager manager = NDManager.newBaseManager()) {
            TorchFixture fixture = TorchFixture.load(manager, "lstsq/" + name + ".npz");
            double[] flat = fixture.get("x").toDoubleArray();
            double[] y = fixture.get("y").toDoubleArray();
            double[] w = fixture.get("w").toDoubleArray();
            double[] expected = fixture.get("coef").toDoubleArray();
            int n = y.length;
            int d = flat.length / n;
            double[][] x = new double[n][];
            for (int i = 0; i < n; i++) {
                x[i] = java.util.Arrays.copyOfRange(flat, i * d, (i + 1) * d);
            }

            LinearFit fit = WeightedLeastSquares.fit(x, y, w, 0);

            assertThat(fit.intercept()).isCloseTo(expected[0], within(1e-9));
            double[] b = fit.coefficients();
            for (int j = 0; j < d; j++) {
                assertThat(b[j]).as("coefficient %d", j).isCloseTo(expected[j + 1], within(1e-9));
            }
            assertThat(fit.rSquared()).isCloseTo(fixture.get("r2").toDoubleArray()[0], within(1e-9));
        }
    }

    @Test
    void a_ridge_penalty_shrinks_the_coefficients_but_not_the_intercept_of_centred_data() {
        double[][] x = {{-1}, {0}, {1}};
        double[] y = {-2, 0, 2};
        double[] w = {1, 1, 1};
        assertThat(WeightedLeastSquares.fit(x, y, w, 0).coefficients()[0]).isCloseTo(2, within(1e-12));
        LinearFit ridged = WeightedLeastSquares.fit(x, y, w, 2);
        assertThat(ridged.coefficients()[0]).isCloseTo(1, within(1e-12)); // 4 / (2 + 2)
        assertThat(ridged.intercept()).isCloseTo(0, within(1e-12));
    }

    @Test
    void a_constant_feature_without_ridge_is_refused_with_a_reason() {
        double[][] x = {{1, 0}, {1, 1}, {1, 2}};
        assertThatThrownBy(() -> WeightedLeastSquares.fit(x, new double[] {1, 2, 3}, new double[] {1, 1, 1}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("constant or collinear");
        assertThat(WeightedLeastSquares.fit(x, new double[] {1, 2, 3}, new double[] {1, 1, 1}, 1e-6)
                .coefficients()[1]).isCloseTo(1, within(1e-5));
    }
}
