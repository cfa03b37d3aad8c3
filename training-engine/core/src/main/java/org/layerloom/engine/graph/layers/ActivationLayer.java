package org.layerloom.engine.graph.layers;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.Explanation;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.PortSpec;
import org.layerloom.engine.graph.Range;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;

/** An element-wise activation function (softmax: over the last axis); keeps the shape, learns nothing. */
final class ActivationLayer extends LayerType {

    static final String ALPHA = "alpha";

    private ActivationLayer(LayerKind kind, String name, String summary, Explanation explanation,
                            List<ParamSpec> params) {
        super(kind, name, Category.ACTIVATION, summary, explanation, List.of(PortSpec.single()), true, params);
    }

    static List<LayerType> all() {
        return List.of(
                new ActivationLayer(LayerKind.RELU, "ReLU", "Keeps positive values, zeroes negative ones.",
                        new Explanation("ReLU lets positive values through and turns negative ones into zero. It is"
                                + " simple, fast, and the usual choice between layers.", "ReLU(x) = max(0, x)"),
                        List.of()),
                new ActivationLayer(LayerKind.LEAKY_RELU, "LeakyReLU", "Like ReLU, with a small slope for negatives.",
                        new Explanation("Leaky ReLU is ReLU with a small slope α for negative values, so a neuron is"
                                + " never completely silent and keeps learning.", "f(x) = x if x > 0, else α·x"),
                        List.of(ParamSpec.real(ALPHA, "Negative slope α", 0.01, Range.closed(0, 1),
                                "How much of a negative value is let through; 0.01 is usual."))),
                new ActivationLayer(LayerKind.ELU, "ELU", "Like ReLU, smooth for negative values.",
                        new Explanation("ELU is like ReLU for positive values and bends smoothly towards −α for"
                                + " negative ones, which keeps the mean activation near zero.",
                                "f(x) = x if x > 0, else α·(eˣ − 1)"),
                        List.of(ParamSpec.real(ALPHA, "α", 1.0, Range.leftOpen(0, 10),
                                "The value negative inputs approach; 1 is usual."))),
                new ActivationLayer(LayerKind.GELU, "GELU", "A smooth ReLU used in Transformers.",
                        new Explanation("GELU weighs each value by how likely a standard normal variable is to be"
                                + " below it: large values pass, negative ones fade out smoothly. Transformers use it.",
                                "GELU(x) = x·Φ(x),  Φ = cumulative distribution of the standard normal"),
                        List.of()),
                new ActivationLayer(LayerKind.SIGMOID, "Sigmoid", "Squashes values into (0, 1).",
                        new Explanation("The sigmoid squashes any number into the range 0 to 1, like a probability."
                                + " In hidden layers it saturates (its slope vanishes for large values), so ReLU is"
                                + " usually better there.", "σ(x) = 1 / (1 + e⁻ˣ)"),
                        List.of()),
                new ActivationLayer(LayerKind.TANH, "Tanh", "Squashes values into (−1, 1).",
                        new Explanation("Tanh squashes any number into the range −1 to 1, centred on zero. Recurrent"
                                + " layers use it inside.", "tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)"),
                        List.of()),
                new ActivationLayer(LayerKind.SOFTMAX, "Softmax", "Turns scores into probabilities that sum to 1.",
                        new Explanation("Softmax turns a vector of scores into probabilities: all positive, summing to"
                                + " 1, the largest score getting the largest share. The cross-entropy loss already"
                                + " includes it, so a classifier does not need it as a layer.",
                                "softmax(x)ᵢ = e^{xᵢ} / Σⱼ e^{xⱼ}"),
                        List.of()));
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        return Expect.real(ctx, ctx.input()) ? Optional.of(ctx.input()) : Optional.empty();
    }
}
