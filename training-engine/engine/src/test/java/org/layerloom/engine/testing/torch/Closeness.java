package org.layerloom.engine.testing.torch;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.Locale;

/**
 * How far an array computed by LayerLoom is from PyTorch's: the largest absolute difference, and the
 * element that most exceeds the tolerance {@code |a − e| ≤ atol + rtol·|e|} (a NaN or infinity where the
 * reference is finite always exceeds it). Immutable.
 */
public record Closeness(String what, long[] shape, double worstAbs, double worstExcess, long worstIndex,
        double actualAtWorst, double expectedAtWorst, boolean nonFinite, boolean shapeMismatch) {

    /** The tolerance of the numerical-truth tests in float32: 1e-5 absolute plus 1e-4 relative. */
    public static final double ATOL = 1e-5;
    public static final double RTOL = 1e-4;

    /** Compares {@code actual} with {@code expected} under {@code atol} and {@code rtol}. */
    public static Closeness of(String what, NDArray actual, NDArray expected, double atol, double rtol) {
        long[] shape = expected.getShape().getShape();
        if (!actual.getShape().equals(expected.getShape())) {
            return new Closeness(what + " (shape " + actual.getShape() + ", PyTorch " + expected.getShape() + ")",
                    shape, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, -1, Double.NaN, Double.NaN,
                    false, true);
        }
        double[] a = actual.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
        double[] e = expected.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
        double worstAbs = 0;
        double worstExcess = Double.NEGATIVE_INFINITY;
        long worstIndex = -1;
        boolean nonFinite = false;
        for (int i = 0; i < a.length; i++) {
            double diff = Math.abs(a[i] - e[i]);
            boolean broken = !Double.isFinite(a[i]) && Double.isFinite(e[i]);
            double excess = broken ? Double.POSITIVE_INFINITY : diff - (atol + rtol * Math.abs(e[i]));
            nonFinite |= broken;
            if (broken || diff > worstAbs) {
                worstAbs = broken ? Double.POSITIVE_INFINITY : diff;
            }
            if (excess > worstExcess) {
                worstExcess = excess;
                worstIndex = i;
            }
        }
        return new Closeness(what, shape, worstAbs, worstExcess, worstIndex,
                worstIndex < 0 ? Double.NaN : a[(int) worstIndex], worstIndex < 0 ? Double.NaN : e[(int) worstIndex],
                nonFinite, false);
    }

    /** Under the default tolerance. */
    public static Closeness of(String what, NDArray actual, NDArray expected) {
        return of(what, actual, expected, ATOL, RTOL);
    }

    public boolean withinTolerance() {
        return !shapeMismatch && !nonFinite && worstExcess <= 0;
    }

    /** "conv2d-c20 output: max |Δ| 0.51 at [0, 3, 1, 2] (LayerLoom 1.234, PyTorch 0.724)". */
    public String describe() {
        if (shapeMismatch) {
            return what + ": shapes differ";
        }
        return String.format(Locale.ROOT, "%s: max |Δ| %.3g%s at %s (LayerLoom %.7g, PyTorch %.7g)", what, worstAbs,
                nonFinite ? " (not finite)" : "", Arrays.toString(unravel(worstIndex)), actualAtWorst,
                expectedAtWorst);
    }

    private long[] unravel(long flat) {
        long[] index = new long[shape.length];
        for (int d = shape.length - 1; d >= 0 && flat >= 0; d--) {
            index[d] = shape[d] == 0 ? 0 : flat % shape[d];
            flat = shape[d] == 0 ? 0 : flat / shape[d];
        }
        return index;
    }
}
