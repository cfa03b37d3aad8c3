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

/** A 2-D convolution over feature maps (C, H, W) with a square window. */
final class Conv2DLayer extends LayerType {

    Conv2DLayer() {
        super(LayerKind.CONV2D, "Conv2D", Category.CONVOLUTION, "Slides learned k×k filters over an image.",
                new Explanation("A convolution slides small learned filters (k×k windows) over the image. At every"
                        + " position a filter multiplies the pixels under it by its weights and adds them up, so it"
                        + " lights up where its pattern (an edge, a curve) appears. Each filter makes one output map.",
                        "y[f, i, j] = b[f] + Σ_c Σ_u Σ_v W[f, c, u, v] · x[c, s·i + u, s·j + v];"
                                + "  size out = ⌊(H + 2p − k) / s⌋ + 1"),
                List.of(PortSpec.single()), true, List.of(ConvParams.FILTERS_SPEC,
                        ConvParams.kernel("Kernel size", 3, "The filter window is k×k pixels; 3 or 5 is usual."),
                        ConvParams.STRIDE_SPEC, ConvParams.PADDING_SPEC, CommonParams.ACTIVATION_SPEC,
                        CommonParams.BIAS_SPEC));
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        if (!Expect.image(ctx)) {
            return Optional.empty();
        }
        TensorShape in = ctx.input();
        Optional<Integer> h = ConvParams.slide(ctx, "pixels of height", in.dim(1), ConvParams.KERNEL, "kernel");
        if (h.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> w = ConvParams.slide(ctx, "pixels of width", in.dim(2), ConvParams.KERNEL, "kernel");
        return w.map(width -> TensorShape.of(ctx.intParam(ConvParams.FILTERS), h.get(), width));
    }

    @Override
    public long parameterCount(List<TensorShape> inputs, Parameters params) {
        long k = params.intValue(ConvParams.KERNEL);
        long filters = params.intValue(ConvParams.FILTERS);
        return k * k * inputs.get(0).dim(0) * filters + (params.flag(CommonParams.BIAS) ? filters : 0);
    }
}
