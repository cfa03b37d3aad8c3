package org.layerloom.engine.graph.layers;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.Explanation;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.PortSpec;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;

/** A 1-D convolution along the steps of a sequence (T, F); it gives a shorter sequence of filters. */
final class Conv1DLayer extends LayerType {

    Conv1DLayer() {
        super(LayerKind.CONV1D, "Conv1D", Category.CONVOLUTION, "Slides learned filters along a sequence.",
                new Explanation("A 1-D convolution slides small learned filters along the time steps of a sequence,"
                        + " looking at k neighbouring steps (all their features) at once. It finds short patterns such"
                        + " as a rising edge in a signal or a phrase in a sentence.",
                        "y[t, f] = b[f] + Σ_c Σ_u W[f, c, u] · x[s·t + u, c];  length out = ⌊(T + 2p − k) / s⌋ + 1"),
                List.of(PortSpec.single()), true, List.of(ConvParams.FILTERS_SPEC,
                        ConvParams.kernel("Kernel size", 3, "How many neighbouring steps each filter sees at once."),
                        ConvParams.STRIDE_SPEC, ConvParams.PADDING_SPEC, CommonParams.ACTIVATION_SPEC,
                        CommonParams.BIAS_SPEC));
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        if (!Expect.sequence(ctx)) {
            return Optional.empty();
        }
        return ConvParams.slide(ctx, "steps", ctx.input().dim(0), ConvParams.KERNEL, "kernel")
                .map(length -> TensorShape.of(length, ctx.intParam(ConvParams.FILTERS)));
    }

    @Override
    public long parameterCount(List<TensorShape> inputs, Parameters params) {
        long k = params.intValue(ConvParams.KERNEL);
        long filters = params.intValue(ConvParams.FILTERS);
        return k * inputs.get(0).dim(1) * filters + (params.flag(CommonParams.BIAS) ? filters : 0);
    }
}
