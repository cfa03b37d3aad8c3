package org.layerloom.engine.inspect.perturb;

import java.util.Arrays;

/**
 * A fitted linear model y ≈ intercept + Σ coefficients[j]·x[j], with its weighted coefficient of
 * determination R² on the data it was fitted to (1: the line explains every point; 0: no better than the
 * weighted mean). Immutable; any thread.
 */
public record LinearFit(double intercept, double[] coefficients, double rSquared) {

    public LinearFit {
        coefficients = coefficients.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The model's prediction for {@code x}. */
    public double predict(double[] x) {
        double y = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            y += coefficients[j] * x[j];
        }
        return y;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinearFit f && intercept == f.intercept && rSquared == f.rSquared
                && Arrays.equals(coefficients, f.coefficients);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(coefficients) + Double.hashCode(intercept);
    }

    @Override
    public String toString() {
        return "LinearFit[intercept " + intercept + ", " + Arrays.toString(coefficients) + ", R² " + rSquared + "]";
    }
}
