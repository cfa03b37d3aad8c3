package org.layerloom.engine.imports.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import onnx.Onnx.NodeProto;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.TensorShape;

/**
 * BatchNorm ({@code BatchNormalization} at inference on feature maps or vectors, or on a sequence between
 * two {@code Transpose}s) and LayerNorm: {@code LayerNormalization}, or the decomposed pattern older
 * exporters write, {@code ReduceMean → Sub → Pow(2) → ReduceMean → Add(ε) → Sqrt → Div}, then an optional
 * {@code Mul(γ)} and {@code Add(β)}. BatchNorm's momentum is a training setting ONNX does not store.
 * Stateless.
 */
final class NormalisationPatterns {

    private NormalisationPatterns() {
    }

    static Optional<LayerMatch> batchNorm(int anchor, MatchContext ctx) throws Unmappable {
        NodeProto n = ctx.node(anchor);
        Optional<TensorShape> in = ctx.shapeOf(n.getInput(0));
        if (in.isPresent() && in.get().rank() == 2) {
            throw new Unmappable("BatchNormalization over axis 1 of a sequence (its steps); LayerLoom normalises"
                    + " a sequence's features.");
        }
        return Optional.of(batchNormLayer(anchor, ctx, n.getInput(0), n.getOutput(0), List.of(anchor)));
    }

    /** A sequence's BatchNorm: Transpose(0,2,1) → BatchNormalization → Transpose(0,2,1). */
    static Optional<LayerMatch> sequenceBatchNorm(int transpose, int norm, MatchContext ctx) throws Unmappable {
        Optional<Integer> back = ctx.follower(transpose, ctx.node(norm).getOutput(0), "Transpose")
                .filter(t -> Attributes.intsAre(ctx.node(t), "perm", List.of(), 0L, 2L, 1L));
        if (back.isEmpty()) {
            throw new Unmappable("BatchNormalization over the steps of a transposed sequence.");
        }
        return Optional.of(batchNormLayer(norm, ctx, ctx.node(transpose).getInput(0), ctx.node(back.get()).getOutput(0),
                List.of(transpose, norm, back.get())));
    }

    private static LayerMatch batchNormLayer(int norm, MatchContext ctx, String in, String out, List<Integer> nodes)
            throws Unmappable {
        NodeProto n = ctx.node(norm);
        if (Attributes.integer(n, "training_mode", 0) != 0 || n.getOutputCount() > 1 && !n.getOutput(1).isEmpty()) {
            throw new Unmappable("BatchNormalization in training mode.");
        }
        String[] names = {"weight", "bias", "running_mean", "running_var"};
        LayerMatch m = new LayerMatch(LayerKind.BATCH_NORM, List.of(in), out, nodes)
                .param("epsilon", Attributes.decimal(Attributes.real(n, "epsilon", 1e-5f)))
                .lost("momentum", "ONNX stores no BatchNorm momentum for training.");
        for (int k = 0; k < names.length; k++) {
            Tensor t = ctx.constantInput(norm, k + 1).filter(Tensor::isFloat).orElseThrow(() ->
                    new Unmappable("BatchNormalization whose scale, bias, mean and variance are not all constants."));
            m.weight(names[k], t);
        }
        return m;
    }

    static Optional<LayerMatch> layerNorm(int anchor, MatchContext ctx) throws Unmappable {
        NodeProto n = ctx.node(anchor);
        TensorShape in = ctx.shapeOf(n.getInput(0)).orElseThrow(() -> new Unmappable("LayerNormalization of unknown shape."));
        long axis = Attributes.integer(n, "axis", -1);
        int rank = in.rank() + 1;
        long a = axis < 0 ? axis + rank : axis;
        boolean overLast = a == rank - 1 && !in.isImage();
        boolean overMaps = a == 1 && in.isImage();
        if (!overLast && !overMaps) {
            throw new Unmappable("LayerNormalization from axis " + axis + " of " + in.tuple() + "; LayerLoom normalises"
                    + " the last axis, or all of (C, H, W) for feature maps.");
        }
        if (n.getOutputCount() > 1 && n.getOutputList().subList(1, n.getOutputCount()).stream().anyMatch(o -> !o.isEmpty())) {
            throw new Unmappable("LayerNormalization that also gives its mean and deviation.");
        }
        Tensor scale = ctx.constantInput(anchor, 1).orElseThrow(() -> new Unmappable("LayerNormalization without a"
                + " constant scale."));
        Tensor bias = ctx.constantInput(anchor, 2).orElseGet(() -> Tensor.ofFloats(scale.shape(), new float[scale.size()]));
        return Optional.of(new LayerMatch(LayerKind.LAYER_NORM, List.of(n.getInput(0)), n.getOutput(0), List.of(anchor))
                .param("epsilon", Attributes.decimal(Attributes.real(n, "epsilon", 1e-5f)))
                .weight("weight", scale).weight("bias", bias));
    }

    /** The decomposed LayerNorm over the last axis, anchored at its first ReduceMean. */
    static Optional<LayerMatch> reduceMeanLayerNorm(int anchor, MatchContext ctx) throws Unmappable {
        NodeProto mean = ctx.node(anchor);
        String x = mean.getInput(0);
        if (!overLastAxis(anchor, ctx)) {
            return Optional.empty();
        }
        Optional<Integer> sub = ctx.follower(anchor, mean.getOutput(0), "Sub")
                .filter(s -> ctx.node(s).getInput(0).equals(x) && ctx.node(s).getInput(1).equals(mean.getOutput(0)));
        if (sub.isEmpty()) {
            return Optional.empty();
        }
        String d = ctx.node(sub.get()).getOutput(0);
        Integer square = null;
        Integer div = null;
        for (int r : ctx.readers(d)) {
            NodeProto rn = ctx.node(r);
            if (rn.getOpType().equals("Pow") && ctx.constantInput(r, 1).filter(c -> c.isScalar(2, 0)).isPresent()
                    || rn.getOpType().equals("Mul") && rn.getInput(0).equals(d) && rn.getInput(1).equals(d)) {
                square = r;
            } else if (rn.getOpType().equals("Div") && rn.getInput(0).equals(d)) {
                div = r;
            }
        }
        if (square == null || div == null || ctx.readers(d).size() != 2 || ctx.readers(x).size() != 2) {
            return Optional.empty();
        }
        Optional<Integer> variance = ctx.follower(anchor, ctx.node(square).getOutput(0), "ReduceMean")
                .filter(v -> overLastAxis(v, ctx));
        Optional<Integer> plusEps = variance.flatMap(v -> ctx.follower(anchor, ctx.node(v).getOutput(0), "Add"));
        Optional<Tensor> eps = plusEps.flatMap(p -> ctx.constantInput(p, 1).or(() -> ctx.constantInput(p, 0)));
        Optional<Integer> sqrt = plusEps.flatMap(p -> ctx.follower(anchor, ctx.node(p).getOutput(0), "Sqrt"));
        Integer divNode = div;
        if (eps.isEmpty() || sqrt.isEmpty() || !ctx.node(divNode).getInput(1).equals(ctx.node(sqrt.get()).getOutput(0))) {
            return Optional.empty();
        }
        List<Integer> nodes = new ArrayList<>(List.of(anchor, sub.get(), square, variance.get(), plusEps.get(), sqrt.get(), div));
        int features = ctx.shapeOf(x).map(TensorShape::last).orElseThrow(() -> new Unmappable("LayerNorm of unknown shape."));
        String out = ctx.node(div).getOutput(0);
        Tensor gamma = ones(features);
        Tensor beta = Tensor.ofFloats(new long[] {features}, new float[features]);
        Optional<Integer> mul = ctx.follower(anchor, out, "Mul");
        Optional<Tensor> g = mul.flatMap(mm -> otherConstant(ctx, mm, ctx.node(divNode).getOutput(0)));
        if (g.isPresent()) {
            gamma = DensePatterns.vector(g.get(), features, "the LayerNorm scale");
            nodes.add(mul.get());
            out = ctx.node(mul.get()).getOutput(0);
            String scaled = out;
            Optional<Integer> add = ctx.follower(anchor, out, "Add");
            Optional<Tensor> b = add.flatMap(aa -> otherConstant(ctx, aa, scaled));
            if (b.isPresent()) {
                beta = DensePatterns.vector(b.get(), features, "the LayerNorm bias");
                nodes.add(add.get());
                out = ctx.node(add.get()).getOutput(0);
            }
        }
        return Optional.of(new LayerMatch(LayerKind.LAYER_NORM, List.of(x), out, nodes)
                .param("epsilon", Attributes.decimal(eps.get().scalar())).weight("weight", gamma).weight("bias", beta));
    }

    private static Optional<Tensor> otherConstant(MatchContext ctx, int node, String value) {
        NodeProto n = ctx.node(node);
        String other = n.getInput(0).equals(value) ? n.getInput(1) : n.getInput(0);
        return ctx.constant(other);
    }

    private static boolean overLastAxis(int reduceMean, MatchContext ctx) {
        NodeProto n = ctx.node(reduceMean);
        if (Attributes.integer(n, "keepdims", 1) != 1) {
            return false;
        }
        List<Long> axes = Attributes.ints(n, "axes").orElseGet(() -> ctx.constantInput(reduceMean, 1)
                .map(t -> Arrays.stream(t.asLongs()).boxed().toList()).orElse(List.of()));
        int rank = ctx.shapeOf(n.getInput(0)).map(s -> s.rank() + 1).orElse(-1);
        return axes.size() == 1 && (axes.get(0) == -1 || axes.get(0) == rank - 1);
    }

    private static Tensor ones(int n) {
        float[] v = new float[n];
        Arrays.fill(v, 1f);
        return Tensor.ofFloats(new long[] {n}, v);
    }
}
