package org.layerloom.engine.inspect.compute;

/**
 * The element-wise activation functions of the engine, in plain double arithmetic with the engine's
 * definitions: PyTorch's exact GELU {@code x·Φ(x)} (with erf, not the tanh approximation), ELU and Leaky
 * ReLU with their α, and the identity for "none". Immutable; any thread.
 *
 * @param name  the engine's name of the function: none, relu, leaky_relu, elu, gelu, sigmoid or tanh
 * @param alpha the α of ELU and Leaky ReLU (ignored by the others)
 */
public record ActivationFunction(String name, double alpha) {

    /** PyTorch's default negative slope of the {@code leaky_relu} option of Dense and convolutions. */
    public static final double DEFAULT_LEAKY_SLOPE = 0.01;
    /** PyTorch's default α of the {@code elu} option of Dense and convolutions. */
    public static final double DEFAULT_ELU_ALPHA = 1;

    public ActivationFunction {
        switch (name) {
            case "none", "relu", "leaky_relu", "elu", "gelu", "sigmoid", "tanh" -> {
            }
            default -> throw new IllegalArgumentException("unknown activation '" + name + "'");
        }
    }

    /** The function of a Dense or convolution {@code activation} option, with PyTorch's default α. */
    public static ActivationFunction option(String choice) {
        return new ActivationFunction(choice, "elu".equals(choice) ? DEFAULT_ELU_ALPHA : DEFAULT_LEAKY_SLOPE);
    }

    public boolean isIdentity() {
        return name.equals("none");
    }

    /** f(x). */
    public double apply(double x) {
        return switch (name) {
            case "relu" -> Math.max(0, x);
            case "leaky_relu" -> x >= 0 ? x : alpha * x;
            case "elu" -> x > 0 ? x : alpha * (Math.exp(x) - 1);
            case "gelu" -> 0.5 * x * (1 + erf(x / Math.sqrt(2)));
            case "sigmoid" -> sigmoid(x);
            case "tanh" -> Math.tanh(x);
            default -> x;
        };
    }

    /** The formula a student reads, e.g. {@code max(0, x)}. */
    public String formula() {
        return formula("x");
    }

    /** The formula in the variable {@code v}, e.g. {@code max(0, z)}. */
    public String formula(String v) {
        return switch (name) {
            case "relu" -> "max(0, " + v + ")";
            case "leaky_relu" -> v + " if " + v + " ≥ 0, else " + alpha + "·" + v;
            case "elu" -> v + " if " + v + " > 0, else " + alpha + "·(e^" + v + " − 1)";
            case "gelu" -> v + "·Φ(" + v + ") = ½·" + v + "·(1 + erf(" + v + "/√2))";
            case "sigmoid" -> "1 / (1 + e^−" + v + ")";
            case "tanh" -> "tanh(" + v + ")";
            default -> v;
        };
    }

    public static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * The error function to about 1e-12: its Taylor series below 4 and the asymptotic series of erfc above
     * (where erfc(4) ≈ 1.5e-8 already lies below float precision).
     */
    public static double erf(double z) {
        double a = Math.abs(z);
        if (a < 4) {
            double term = a;
            double sum = a;
            for (int n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
                term *= -a * a / n;
                sum += term / (2 * n + 1);
            }
            return Math.signum(z) * 2 / Math.sqrt(Math.PI) * sum;
        }
        double inv = 1 / (2 * a * a);
        double series = 1 - inv + 3 * inv * inv - 15 * inv * inv * inv;
        double erfc = Math.exp(-a * a) / (a * Math.sqrt(Math.PI)) * series;
        return Math.signum(z) * (1 - erfc);
    }
}
