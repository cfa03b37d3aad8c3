package org.layerloom.engine.graph.layers;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.Explanation;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.PortSpec;
import org.layerloom.engine.graph.Range;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;

/**
 * Layer normalisation over the features of each example (each step of a sequence); for feature maps,
 * over all of (C, H, W), as PyTorch's {@code LayerNorm(normalized_shape)} does.
 */
final class LayerNormLayer extends LayerType {

    LayerNormLayer() {
        super(LayerKind.LAYER_NORM, "LayerNorm", Category.NORMALISATION,
                "Normalises the features of each example; used in Transformers.",
                new Explanation("Layer normalisation rescales the features of each single example (each step of a"
                        + " sequence) to mean 0 and variance 1, then applies a learned scale γ and shift β. Unlike"
                        + " BatchNorm it does not depend on the batch, so it suits sequences and small batches.",
                        "y = γ · (x − μ) / √(σ² + ε) + β,  μ and σ² over the features of one example"),
                List.of(PortSpec.single()), true, List.of(
                        ParamSpec.real(BatchNormLayer.EPSILON, "Epsilon", 1e-5, Range.leftOpen(0, 0.1),
                                "A tiny number added to the variance so it never divides by zero.")));
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        return Expect.real(ctx, ctx.input()) ? Optional.of(ctx.input()) : Optional.empty();
    }

    @Override
    public long parameterCount(List<TensorShape> inputs, Parameters params) {
        TensorShape in = inputs.get(0);
        return 2L * (in.isImage() ? in.size() : in.last());
    }
}
