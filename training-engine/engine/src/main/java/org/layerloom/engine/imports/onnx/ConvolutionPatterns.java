package org.layerloom.engine.imports.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import onnx.Onnx.NodeProto;
import org.layerloom.engine.graph.LayerKind;

/**
 * Conv2D ({@code Conv} with a square kernel, equal strides and equal padding on every side, then the
 * activation option), Conv1D (LayerLoom's steps-last sequences: {@code Transpose → Conv → Transpose}),
 * MaxPool2D, AvgPool2D (counting padded zeros, or without padding) and GlobalAvgPool2D
 * ({@code GlobalAveragePool} then a flatten to (batch, C)). Dilation, groups, automatic padding and
 * ceil mode have no LayerLoom counterpart. Stateless.
 */
final class ConvolutionPatterns {

    private static final List<Long> NONE = List.of();

    private ConvolutionPatterns() {
    }

    static Optional<LayerMatch> conv(int anchor, MatchContext ctx) throws Unmappable {
        Window w = window(ctx.node(anchor), 2);
        LayerMatch m = convLayer(anchor, ctx, LayerKind.CONV2D, w, ctx.node(anchor).getInput(0), ctx.node(anchor).getOutput(0),
                List.of(anchor));
        return Optional.of(ActivationPatterns.option(anchor, m.output, ctx).map(m::withActivation).orElse(m));
    }

    /** Conv1D: Transpose(0,2,1) → Conv over steps → Transpose(0,2,1), then the activation option. */
    static Optional<LayerMatch> conv1d(int transpose, int conv, MatchContext ctx) throws Unmappable {
        NodeProto c = ctx.node(conv);
        Optional<Integer> back = ctx.follower(transpose, c.getOutput(0), "Transpose")
                .filter(t -> Attributes.intsAre(ctx.node(t), "perm", NONE, 0L, 2L, 1L));
        if (back.isEmpty()) {
            throw new Unmappable("a 1-D Conv whose result stays channels-first; LayerLoom keeps sequences as"
                    + " (steps, features).");
        }
        Window w = window(c, 1);
        LayerMatch m = convLayer(conv, ctx, LayerKind.CONV1D, w, ctx.node(transpose).getInput(0),
                ctx.node(back.get()).getOutput(0), List.of(transpose, conv, back.get()));
        return Optional.of(ActivationPatterns.option(transpose, m.output, ctx).map(m::withActivation).orElse(m));
    }

    private static LayerMatch convLayer(int conv, MatchContext ctx, LayerKind kind, Window w, String in, String out,
                                        List<Integer> nodes) throws Unmappable {
        NodeProto c = ctx.node(conv);
        Tensor weight = ctx.constantInput(conv, 1).orElseThrow(() -> new Unmappable("Conv without a constant weight."));
        int spatial = kind == LayerKind.CONV2D ? 2 : 1;
        if (weight.rank() != spatial + 2 || !weight.isFloat()) {
            throw new Unmappable("Conv with a weight of shape " + Tensors.describe(weight.shape()) + "; "
                    + kind.id() + " needs " + (spatial + 2) + " axes.");
        }
        if (Attributes.integer(c, "group", 1) != 1) {
            throw new Unmappable("grouped (or depthwise) convolution, group=" + Attributes.integer(c, "group", 1)
                    + "; LayerLoom's convolutions connect every input channel.");
        }
        long kernel = weight.shape()[2];
        for (int i = 2; i < weight.rank(); i++) {
            if (weight.shape()[i] != kernel) {
                throw new Unmappable("a " + Tensors.describe(weight.shape()) + " kernel that is not square.");
            }
        }
        if (w.kernel() != 0 && w.kernel() != kernel) {
            throw new Unmappable("kernel_shape disagrees with the weight's shape.");
        }
        LayerMatch m = new LayerMatch(kind, List.of(in), out, new ArrayList<>(nodes))
                .param("filters", (int) weight.shape()[0]).param("kernel", (int) kernel)
                .param("stride", w.stride()).param("padding", w.padding()).weight("weight", weight);
        Optional<Tensor> bias = ctx.constantInput(conv, 2);
        if (c.getInputCount() > 2 && !c.getInput(2).isEmpty() && bias.isEmpty()) {
            throw new Unmappable("Conv with a bias that is not a constant.");
        }
        if (bias.isPresent()) {
            m.weight("bias", DensePatterns.vector(bias.get(), (int) weight.shape()[0], "the Conv bias"));
        }
        return m.param("bias", bias.isPresent());
    }

    static Optional<LayerMatch> maxPool(int anchor, MatchContext ctx) throws Unmappable {
        NodeProto n = ctx.node(anchor);
        if (n.getOutputCount() > 1 && !n.getOutput(1).isEmpty()) {
            throw new Unmappable("MaxPool that also gives the indices of the maxima.");
        }
        if (Attributes.integer(n, "storage_order", 0) != 0) {
            throw new Unmappable("MaxPool with storage_order=1.");
        }
        return Optional.of(pool(anchor, ctx, LayerKind.MAX_POOL2D));
    }

    static Optional<LayerMatch> avgPool(int anchor, MatchContext ctx) throws Unmappable {
        NodeProto n = ctx.node(anchor);
        LayerMatch m = pool(anchor, ctx, LayerKind.AVG_POOL2D);
        boolean padded = !m.params.get("padding").equals(new org.layerloom.engine.graph.ParamValue.Int(0));
        if (Attributes.integer(n, "count_include_pad", 0) != 1 && padded) {
            throw new Unmappable("AveragePool with padding that leaves the padded zeros out of the average"
                    + " (count_include_pad=0); LayerLoom, like PyTorch, counts them.");
        }
        return Optional.of(m);
    }

    private static LayerMatch pool(int anchor, MatchContext ctx, LayerKind kind) throws Unmappable {
        NodeProto n = ctx.node(anchor);
        Window w = window(n, 2);
        if (Attributes.integer(n, "ceil_mode", 0) != 0) {
            throw new Unmappable(n.getOpType() + " with ceil_mode=1; LayerLoom rounds the output size down.");
        }
        if (w.kernel() == 0) {
            throw new Unmappable(n.getOpType() + " without kernel_shape.");
        }
        return new LayerMatch(kind, List.of(n.getInput(0)), n.getOutput(0), List.of(anchor))
                .param("pool", (int) w.kernel()).param("stride", w.stride()).param("padding", w.padding());
    }

    static Optional<LayerMatch> globalAvgPool(int anchor, MatchContext ctx) throws Unmappable {
        NodeProto n = ctx.node(anchor);
        Optional<Integer> flat = ctx.follower(anchor, n.getOutput(0), "Flatten", "Reshape")
                .filter(f -> isFlattenToChannels(ctx, f));
        if (flat.isEmpty()) {
            throw new Unmappable("GlobalAveragePool whose (C, 1, 1) result is not flattened; LayerLoom's"
                    + " GlobalAvgPool2D gives (C).");
        }
        return Optional.of(new LayerMatch(LayerKind.GLOBAL_AVG_POOL2D, List.of(n.getInput(0)),
                ctx.node(flat.get()).getOutput(0), List.of(anchor, flat.get())));
    }

    private static boolean isFlattenToChannels(MatchContext ctx, int node) {
        NodeProto f = ctx.node(node);
        if (f.getOpType().equals("Flatten")) {
            return Attributes.integer(f, "axis", 1) == 1;
        }
        Optional<Tensor> s = ctx.constantInput(node, 1);
        if (s.isEmpty() || s.get().size() != 2) {
            return false;
        }
        long[] v = s.get().asLongs();
        long channels = ctx.shapeOf(ctx.node(node).getInput(0)).map(x -> (long) x.dim(0)).orElse(-2L);
        boolean batch = v[0] == Tensor.BATCH || v[0] == 0 || v[0] == -1 || ctx.input().isBatch(v[0]);
        return batch && (v[1] == -1 && v[0] != -1 || v[1] == channels);
    }

    /** Kernel (0 when absent), stride and padding of a window whose axes must agree. */
    private record Window(long kernel, int stride, int padding) {
    }

    private static Window window(NodeProto n, int spatial) throws Unmappable {
        String auto = Attributes.text(n, "auto_pad", "NOTSET");
        if (!auto.equals("NOTSET") && !auto.equals("VALID")) {
            throw new Unmappable(n.getOpType() + " with auto_pad=" + auto + "; LayerLoom pads explicitly.");
        }
        List<Long> kernel = Attributes.ints(n, "kernel_shape").orElse(List.of());
        List<Long> strides = Attributes.ints(n, "strides").orElse(List.of());
        List<Long> pads = Attributes.ints(n, "pads").orElse(List.of());
        List<Long> dilations = Attributes.ints(n, "dilations").orElse(List.of());
        if (!kernel.isEmpty() && kernel.size() != spatial) {
            throw new Unmappable(n.getOpType() + " over " + kernel.size() + " axes; expected " + spatial + ".");
        }
        if (dilations.stream().anyMatch(d -> d != 1)) {
            throw new Unmappable(n.getOpType() + " with dilations " + dilations + "; LayerLoom has no dilation.");
        }
        if (!allSame(kernel) || !allSame(strides) || !allSame(pads)) {
            throw new Unmappable(n.getOpType() + " with kernel " + kernel + ", strides " + strides + ", pads " + pads
                    + "; LayerLoom uses one size for every axis and side.");
        }
        return new Window(kernel.isEmpty() ? 0 : kernel.get(0), strides.isEmpty() ? 1 : Math.toIntExact(strides.get(0)),
                pads.isEmpty() ? 0 : Math.toIntExact(pads.get(0)));
    }

    private static boolean allSame(List<Long> values) {
        return values.stream().distinct().count() <= 1;
    }
}
