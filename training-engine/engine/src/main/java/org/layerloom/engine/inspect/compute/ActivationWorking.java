package org.layerloom.engine.inspect.compute;

import java.util.Objects;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * An activation layer's computation (ReLU, Leaky ReLU, ELU, GELU, sigmoid, tanh): the function's curve
 * with this layer's actual inputs as points on it, and how many of them sit where the curve is flat
 * (dead ReLU inputs, saturated sigmoid or tanh). Immutable; any thread.
 */
public record ActivationWorking(String nodeId, LayerKind kind, ActivationFunction function, FloatTensor input)
        implements LayerWorking {

    /** |x| beyond which sigmoid and tanh are counted as saturated (slope below about 0.02). */
    public static final double SATURATION = 4;

    public ActivationWorking {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(function, "function");
    }

    /** The curve sampled at {@code samples} evenly spaced points of [from, to]: (x, f(x)) pairs. */
    public double[][] curve(double from, double to, int samples) {
        double[][] points = new double[samples][2];
        for (int i = 0; i < samples; i++) {
            double x = from + (to - from) * i / (samples - 1);
            points[i][0] = x;
            points[i][1] = function.apply(x);
        }
        return points;
    }

    /** This layer's input i and the output it gives. */
    public double[] point(int i) {
        double x = input.value(i);
        return new double[] {x, function.apply(x)};
    }

    /**
     * How many inputs fall where the curve is flat: x ≤ 0 for ReLU (dead), |x| ≥ {@link #SATURATION} for
     * sigmoid and tanh; 0 for the others.
     */
    public int flatCount() {
        int count = 0;
        for (int i = 0; i < input.size(); i++) {
            double x = input.value(i);
            boolean flat = switch (function.name()) {
                case "relu" -> x <= 0;
                case "sigmoid", "tanh" -> Math.abs(x) >= SATURATION;
                default -> false;
            };
            count += flat ? 1 : 0;
        }
        return count;
    }

    @Override
    public FloatTensor output() {
        double[] out = new double[input.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = function.apply(input.value(i));
        }
        return Numbers.tensor(input.shape(), out);
    }
}
