package org.layerloom.engine.inspect.perturb;

/**
 * Weighted (ridge) least squares with an unpenalised intercept: minimises
 * Σ wᵢ (yᵢ − b₀ − xᵢ·b)² + ridge·‖b‖² through the normal equations on the weighted-centred data, solved by
 * Cholesky in double precision. With {@code ridge = 0} and full-rank data it gives the same coefficients as
 * numpy's {@code lstsq} on the rows scaled by √wᵢ with a column of ones. The few features of a LIME fit
 * (tens to a few hundred) keep the d × d system small. Stateless; any thread.
 */
public final class WeightedLeastSquares {

    private WeightedLeastSquares() {
    }

    /**
     * The fit of {@code y} on the rows of {@code x} with sample weights {@code w}.
     *
     * @param x     n rows of d features
     * @param y     n targets
     * @param w     n non-negative weights, not all zero
     * @param ridge the L2 penalty on the coefficients (not the intercept), ≥ 0
     * @throws IllegalArgumentException for mismatched sizes, negative weights or a singular system (use a
     *                                  positive ridge when features can be constant or collinear)
     */
    public static LinearFit fit(double[][] x, double[] y, double[] w, double ridge) {
        int n = y.length;
        if (x.length != n || w.length != n || n == 0) {
            throw new IllegalArgumentException("x, y and w need the same, non-zero number of rows");
        }
        if (ridge < 0) {
            throw new IllegalArgumentException("the ridge penalty must not be negative");
        }
        int d = x[0].length;
        double total = 0;
        double[] meanX = new double[d];
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            if (x[i].length != d || w[i] < 0 || !Double.isFinite(w[i])) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features or weight " + w[i]);
            }
            total += w[i];
            meanY += w[i] * y[i];
            for (int j = 0; j < d; j++) {
                meanX[j] += w[i] * x[i][j];
            }
        }
        if (total <= 0) {
            throw new IllegalArgumentException("every sample weight is zero");
        }
        meanY /= total;
        for (int j = 0; j < d; j++) {
            meanX[j] /= total;
        }
        double[][] gram = new double[d][d];
        double[] rhs = new double[d];
        double[] centred = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centred[j] = x[i][j] - meanX[j];
            }
            double yc = y[i] - meanY;
            for (int j = 0; j < d; j++) {
                double wj = w[i] * centred[j];
                rhs[j] += wj * yc;
                for (int k = 0; k <= j; k++) {
                    gram[j][k] += wj * centred[k];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            gram[j][j] += ridge;
        }
        double[] b = solveCholesky(gram, rhs);
        double intercept = meanY;
        for (int j = 0; j < d; j++) {
            intercept -= b[j] * meanX[j];
        }
        double residual = 0;
        double spread = 0;
        for (int i = 0; i < n; i++) {
            double predicted = intercept;
            for (int j = 0; j < d; j++) {
                predicted += b[j] * x[i][j];
            }
            residual += w[i] * (y[i] - predicted) * (y[i] - predicted);
            spread += w[i] * (y[i] - meanY) * (y[i] - meanY);
        }
        double rSquared = spread > 0 ? 1 - residual / spread : residual == 0 ? 1 : 0;
        return new LinearFit(intercept, b, rSquared);
    }

    /** Solves A b = r for a symmetric positive definite A given by its lower triangle (overwritten). */
    private static double[] solveCholesky(double[][] a, double[] r) {
        int d = r.length;
        double scale = 0;
        for (int j = 0; j < d; j++) {
            scale = Math.max(scale, Math.abs(a[j][j]));
        }
        for (int j = 0; j < d; j++) {
            double diagonal = a[j][j];
            for (int k = 0; k < j; k++) {
                diagonal -= a[j][k] * a[j][k];
            }
            if (!(diagonal > 1e-12 * Math.max(scale, 1e-300))) {
                throw new IllegalArgumentException("the features are constant or collinear (feature " + (j + 1)
                        + "); a positive ridge penalty makes the fit well defined");
            }
            a[j][j] = Math.sqrt(diagonal);
            for (int i = j + 1; i < d; i++) {
                double v = a[i][j];
                for (int k = 0; k < j; k++) {
                    v -= a[i][k] * a[j][k];
                }
                a[i][j] = v / a[j][j];
            }
        }
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            double v = r[i];
            for (int k = 0; k < i; k++) {
                v -= a[i][k] * z[k];
            }
            z[i] = v / a[i][i];
        }
        double[] b = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double v = z[i];
            for (int k = i + 1; k < d; k++) {
                v -= a[k][i] * b[k];
            }
            b[i] = v / a[i][i];
        }
        return b;
    }
}
