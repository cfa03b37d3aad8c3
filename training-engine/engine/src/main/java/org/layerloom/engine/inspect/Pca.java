package org.layerloom.engine.inspect;

/**
 * Principal component analysis in plain Java, for the embedding view: centres the rows, builds the
 * covariance matrix and finds its leading eigenvectors by power iteration with deflation (deterministic:
 * a fixed start, and each component's largest entry made positive). Fine for the few hundred features
 * of a hidden layer. Stateless; any thread.
 */
public final class Pca {

    private static final int ITERATIONS = 500;

    private Pca() {
    }

    /** The rows projected on the first {@code components} principal axes. */
    public static Result fit(float[][] rows, int components) {
        int n = rows.length;
        int d = n == 0 ? 0 : rows[0].length;
        if (n < 2 || d < 1) {
            throw new IllegalArgumentException("PCA needs at least two rows of at least one value");
        }
        int k = Math.min(components, d);
        double[] mean = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / (double) n;
            }
        }
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                centred[j] = row[j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                double ca = centred[a];
                if (ca == 0) {
                    continue;
                }
                for (int b = a; b < d; b++) {
                    cov[a][b] += ca * centred[b];
                }
            }
        }
        double total = 0;
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= n - 1;
                cov[b][a] = cov[a][b];
            }
            total += cov[a][a];
        }
        double[][] axes = new double[k][];
        double[] variance = new double[k];
        for (int c = 0; c < k; c++) {
            double[] v = leadingEigenvector(cov, c, axes, total);
            double lambda = rayleigh(cov, v);
            axes[c] = v;
            variance[c] = Math.max(lambda, 0);
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cov[a][b] -= lambda * v[a] * v[b];
                }
            }
        }
        float[] projected = new float[n * k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += (rows[i][j] - mean[j]) * axes[c][j];
                }
                projected[i * k + c] = (float) s;
            }
        }
        double[] ratio = new double[k];
        for (int c = 0; c < k; c++) {
            ratio[c] = total > 0 ? variance[c] / total : 0;
        }
        return new Result(k, projected, axes, ratio);
    }

    /** The leading eigenvector of {@code m} orthogonal to the first {@code found} axes ({@code scale}: the total variance). */
    private static double[] leadingEigenvector(double[][] m, int found, double[][] axes, double scale) {
        int d = m.length;
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = 1.0 + 0.1 * ((j * 7 + found * 13) % 11);
        }
        orthogonalise(v, axes, found);
        if (normalise(v) == 0) {
            v[found % d] = 1;
            orthogonalise(v, axes, found);
            normalise(v);
        }
        double[] next = new double[d];
        for (int it = 0; it < ITERATIONS; it++) {
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int b = 0; b < d; b++) {
                    s += m[a][b] * v[b];
                }
                next[a] = s;
            }
            orthogonalise(next, axes, found);
            orthogonalise(next, axes, found);
            if (normalise(next) <= 1e-9 * scale) {
                break; // no variance left: any unit vector orthogonal to the axes found will do
            }
            double change = 0;
            for (int j = 0; j < d; j++) {
                change += Math.abs(next[j] - v[j]);
                v[j] = next[j];
            }
            if (change < 1e-12) {
                break;
            }
        }
        int largest = 0;
        for (int j = 1; j < d; j++) {
            if (Math.abs(v[j]) > Math.abs(v[largest])) {
                largest = j;
            }
        }
        if (v[largest] < 0) {
            for (int j = 0; j < d; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }

    private static void orthogonalise(double[] v, double[][] axes, int count) {
        for (int c = 0; c < count; c++) {
            double dot = 0;
            for (int j = 0; j < v.length; j++) {
                dot += v[j] * axes[c][j];
            }
            for (int j = 0; j < v.length; j++) {
                v[j] -= dot * axes[c][j];
            }
        }
    }

    private static double rayleigh(double[][] m, double[] v) {
        double s = 0;
        for (int a = 0; a < m.length; a++) {
            for (int b = 0; b < m.length; b++) {
                s += v[a] * m[a][b] * v[b];
            }
        }
        return s;
    }

    private static double normalise(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] /= norm;
            }
        }
        return norm;
    }

    /**
     * A fitted projection: per row its {@code components} coordinates (row after row), the unit axes
     * and the fraction of the total variance each axis explains. Immutable by convention (arrays are not
     * shared with callers that keep them).
     */
    public record Result(int components, float[] coordinates, double[][] axes, double[] explainedVariance) {

        /** Coordinate {@code component} of row {@code row}. */
        public float coordinate(int row, int component) {
            return coordinates[row * components + component];
        }
    }
}
