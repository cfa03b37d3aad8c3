package org.layerloom.engine.data.csv;

import java.util.Locale;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.Splits;

/**
 * Rescales the numeric inputs of a table, with statistics fitted on the training split only (so nothing of
 * the validation or test data leaks into training): "standardize" to mean 0 and standard deviation 1,
 * "minmax" to [0, 1], or "none". A constant column is left at 0. One-hot inputs are not touched.
 * Immutable; any thread.
 */
public enum Normalization {
    NONE, STANDARDIZE, MINMAX;

    public static Normalization of(String option) {
        return switch (option.toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "minmax", "min-max" -> MINMAX;
            default -> STANDARDIZE;
        };
    }

    /** The splits with their numeric inputs rescaled by statistics of {@code splits.train()}. */
    public Splits apply(Splits splits, boolean[] numeric) {
        if (this == NONE) {
            return splits;
        }
        int width = numeric.length;
        java.nio.FloatBuffer train = splits.train().realFeatures().buffer();
        int n = splits.train().size();
        double[] shift = new double[width];
        double[] scale = new double[width];
        for (int j = 0; j < width; j++) {
            if (!numeric[j]) {
                scale[j] = 1;
                continue;
            }
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double v = train.get(i * width + j);
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double mean = n == 0 ? 0 : sum / n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double d = train.get(i * width + j) - mean;
                var += d * d;
            }
            double std = n == 0 ? 0 : Math.sqrt(var / n);
            shift[j] = this == STANDARDIZE ? mean : min;
            double spread = this == STANDARDIZE ? std : max - min;
            scale[j] = spread > 1e-12 ? 1 / spread : 0;
        }
        return new Splits(rescale(splits.train(), shift, scale), rescale(splits.validation(), shift, scale),
                rescale(splits.test(), shift, scale));
    }

    /**
     * The shift and scale of every input, fitted on the first {@code trainRows} rows of {@code values} (rows of
     * {@code numeric.length}) as {@link #apply} fits them on the training split: {@code {shift, scale}}.
     */
    double[][] fit(float[] values, int trainRows, boolean[] numeric) {
        int width = numeric.length;
        double[] shift = new double[width];
        double[] scale = new double[width];
        java.util.Arrays.fill(scale, 1);
        if (this == NONE) {
            return new double[][] {shift, scale};
        }
        int n = trainRows;
        for (int j = 0; j < width; j++) {
            if (!numeric[j]) {
                continue;
            }
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double v = values[i * width + j];
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double mean = n == 0 ? 0 : sum / n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double d = values[i * width + j] - mean;
                var += d * d;
            }
            double std = n == 0 ? 0 : Math.sqrt(var / n);
            shift[j] = this == STANDARDIZE ? mean : min;
            double spread = this == STANDARDIZE ? std : max - min;
            scale[j] = spread > 1e-12 ? 1 / spread : 0;
        }
        return new double[][] {shift, scale};
    }

    /** Rescales the first {@code length} values of {@code values} in place with a {@link #fit}. */
    static void rescale(float[] values, int length, double[][] fit) {
        double[] shift = fit[0];
        double[] scale = fit[1];
        int width = shift.length;
        for (int k = 0; k < length; k++) {
            int j = k % width;
            if (scale[j] != 1 || shift[j] != 0) {
                values[k] = (float) ((values[k] - shift[j]) * scale[j]);
            }
        }
    }

    private static Examples rescale(Examples part, double[] shift, double[] scale) {
        float[] values = part.realFeatures().toArray();
        int width = shift.length;
        for (int k = 0; k < values.length; k++) {
            int j = k % width;
            if (scale[j] != 1 || shift[j] != 0) {
                values[k] = (float) ((values[k] - shift[j]) * scale[j]);
            }
        }
        return Examples.of(RealFeatures.owning(values), part.exampleShape(), part.labels());
    }
}
