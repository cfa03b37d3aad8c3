package org.layerloom.engine.imports.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import onnx.Onnx.NodeProto;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.TensorShape;

/**
 * Flatten, Reshape (its target folded to a constant, the batch axis as −1, 0 or the folded batch size),
 * Dropout, Embedding ({@code Gather} from a constant table, after a {@code Cast} of real ids), Concatenate,
 * Add (a chain of sums of computed values) and PositionalEncoding (an {@code Add} of LayerLoom's
 * sine-cosine table). In a LayerLoom export an {@code Identity} is the Input, the Output or a Dropout.
 * Stateless.
 */
final class CorePatterns {

    /** A folded table equals the positional encoding within this. */
    private static final double TABLE_TOLERANCE = 1e-6;

    private CorePatterns() {
    }

    static Optional<LayerMatch> flatten(int anchor, MatchContext ctx) throws Unmappable {
        NodeProto n = ctx.node(anchor);
        long axis = Attributes.integer(n, "axis", 1);
        if (axis != 1) {
            throw new Unmappable("Flatten from axis " + axis + "; LayerLoom's Flatten keeps only the batch axis.");
        }
        return Optional.of(new LayerMatch(LayerKind.FLATTEN, List.of(n.getInput(0)), n.getOutput(0), List.of(anchor)));
    }

    static Optional<LayerMatch> reshape(int anchor, MatchContext ctx) throws Unmappable {
        NodeProto n = ctx.node(anchor);
        String x = n.getInput(0);
        Optional<Tensor> target = ctx.constantInput(anchor, 1);
        if (target.isEmpty()) {
            throw new Unmappable("Reshape to a shape computed at run time that does not fold to a constant.");
        }
        TensorShape in = ctx.shapeOf(x).orElseThrow(() -> new Unmappable("Reshape of a value of unknown shape."));
        long[] shape = target.get().asLongs().clone();
        if (shape.length > 0 && ctx.input().isBatch(shape[0])) {
            shape[0] = Tensor.BATCH;
        }
        List<Integer> dims = targetDims(shape, in);
        LayerMatch m;
        if (dims.size() == 1 && in.rank() > 1 && !ctx.ownExport()) {
            m = new LayerMatch(LayerKind.FLATTEN, List.of(x), n.getOutput(0), List.of(anchor));
        } else {
            m = new LayerMatch(LayerKind.RESHAPE, List.of(x), n.getOutput(0), List.of(anchor))
                    .param("target", new ParamValue.Dims(dims));
        }
        return Optional.of(m);
    }

    /** The target without the batch axis, resolving 0 (copy) and −1 (the rest). */
    private static List<Integer> targetDims(long[] s, TensorShape in) throws Unmappable {
        if (s.length < 2 || (s[0] != Tensor.BATCH && s[0] != 0 && s[0] != -1)) {
            throw new Unmappable("Reshape to " + describe(s) + " changes the batch axis; LayerLoom reshapes each"
                    + " example and keeps the batch.");
        }
        long known = 1;
        int free = -1;
        long[] dims = new long[s.length - 1];
        for (int i = 1; i < s.length; i++) {
            long d = s[i];
            if (d == 0 && i - 1 < in.rank()) {
                d = in.dim(i - 1);
            } else if (d == -1 && free < 0 && s[0] != -1) {
                free = i - 1;
                continue;
            } else if (d <= 0) {
                throw new Unmappable("Reshape to " + describe(s) + " has a size that depends on the batch.");
            }
            dims[i - 1] = d;
            known *= d;
        }
        if (free >= 0) {
            if (known == 0 || in.size() % known != 0) {
                throw new Unmappable("Reshape to " + describe(s) + " does not divide the " + in.size() + " values.");
            }
            dims[free] = in.size() / known;
        }
        List<Integer> out = new ArrayList<>();
        for (long d : dims) {
            out.add(Math.toIntExact(d));
        }
        return out;
    }

    private static String describe(long[] s) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < s.length; i++) {
            b.append(i > 0 ? ", " : "").append(s[i] == Tensor.BATCH ? "batch" : String.valueOf(s[i]));
        }
        return b.append(")").toString();
    }

    static Optional<LayerMatch> dropout(int anchor, MatchContext ctx) throws Unmappable {
        NodeProto n = ctx.node(anchor);
        if (n.getOutputCount() > 1 && !n.getOutput(1).isEmpty() && !ctx.readers(n.getOutput(1)).isEmpty()) {
            throw new Unmappable("Dropout whose mask is used by other nodes.");
        }
        float ratio = Attributes.real(n, "ratio", 0.5f);
        Optional<Tensor> given = ctx.constantInput(anchor, 1);
        if (given.isPresent()) {
            ratio = given.get().scalar();
        }
        return Optional.of(new LayerMatch(LayerKind.DROPOUT, List.of(n.getInput(0)), n.getOutput(0), List.of(anchor))
                .param("rate", Attributes.decimal(ratio)));
    }

    /** A LayerLoom export's Identity: the Input (reads the graph input), the Output (is the graph output) or a Dropout. */
    static Optional<LayerMatch> ownIdentity(int anchor, MatchContext ctx, String loss) {
        NodeProto n = ctx.node(anchor);
        String in = n.getInput(0);
        String out = n.getOutput(0);
        OnnxValues values = ctx.values();
        if (values.inputs().contains(in)) {
            return Optional.of(ctx.input().match(out, List.of(anchor)));
        }
        if (!values.outputs().isEmpty() && values.outputs().get(0).equals(out)) {
            LayerMatch m = new LayerMatch(LayerKind.OUTPUT, List.of(in), out, List.of(anchor)).param("loss", loss);
            if (loss.equals("mse")) {
                m.lost("loss", "ONNX stores no loss; a model without a probabilities output is a regression, trained"
                        + " with mean squared error or L1.");
            }
            return Optional.of(m);
        }
        return Optional.of(new LayerMatch(LayerKind.DROPOUT, List.of(in), out, List.of(anchor))
                .lost("rate", "ONNX stores no dropout rate (dropout does nothing at inference)."));
    }

    static Optional<LayerMatch> cast(int anchor, MatchContext ctx) {
        NodeProto n = ctx.node(anchor);
        Optional<Integer> gather = ctx.follower(anchor, n.getOutput(0), "Gather");
        return gather.flatMap(g -> embedding(g, ctx, n.getInput(0), List.of(anchor, g)));
    }

    static Optional<LayerMatch> gather(int anchor, MatchContext ctx) {
        return embedding(anchor, ctx, ctx.node(anchor).getInput(1), List.of(anchor));
    }

    private static Optional<LayerMatch> embedding(int gather, MatchContext ctx, String ids, List<Integer> nodes) {
        NodeProto g = ctx.node(gather);
        Optional<Tensor> table = ctx.constantInput(gather, 0);
        if (table.isEmpty() || !table.get().isFloat() || table.get().rank() != 2
                || Attributes.integer(g, "axis", 0) != 0 || ctx.isConstant(g.getInput(1))) {
            return Optional.empty();
        }
        Tensor t = table.get();
        return Optional.of(new LayerMatch(LayerKind.EMBEDDING, List.of(ids), g.getOutput(0), nodes)
                .param("vocabulary", (int) t.shape()[0]).param("dimension", (int) t.shape()[1]).weight("weight", t));
    }

    static Optional<LayerMatch> concat(int anchor, MatchContext ctx) throws Unmappable {
        NodeProto n = ctx.node(anchor);
        List<String> in = n.getInputList();
        if (in.stream().anyMatch(ctx::isConstant)) {
            throw new Unmappable("Concat with a constant part; LayerLoom's Concatenate joins computed values only.");
        }
        TensorShape first = ctx.shapeOf(in.get(0)).orElseThrow(() -> new Unmappable("Concat of values of unknown shape."));
        int rank = first.rank() + 1;
        long axis = Attributes.integer(n, "axis", 1);
        long a = axis < 0 ? axis + rank : axis;
        if (a <= 0 || a >= rank) {
            throw new Unmappable("Concat along axis " + axis + ", the batch axis; LayerLoom joins examples' features.");
        }
        int layerAxis = a == rank - 1 ? -1 : (int) a - 1;
        return Optional.of(new LayerMatch(LayerKind.CONCATENATE, in, n.getOutput(0), List.of(anchor))
                .param("axis", layerAxis));
    }

    static Optional<LayerMatch> add(int anchor, MatchContext ctx) throws Unmappable {
        NodeProto n = ctx.node(anchor);
        Optional<Tensor> c0 = ctx.constant(n.getInput(0));
        Optional<Tensor> c1 = ctx.constant(n.getInput(1));
        if (c0.isPresent() || c1.isPresent()) {
            String x = c0.isPresent() ? n.getInput(1) : n.getInput(0);
            return positionalEncoding(anchor, ctx, x, c0.orElseGet(c1::get));
        }
        List<String> inputs = new ArrayList<>(List.of(n.getInput(0), n.getInput(1)));
        List<Integer> nodes = new ArrayList<>(List.of(anchor));
        String sum = n.getOutput(0);
        for (Optional<Integer> next = ctx.follower(anchor, sum, "Add"); next.isPresent();
             next = ctx.follower(anchor, sum, "Add")) {
            NodeProto a = ctx.node(next.get());
            if (!a.getInput(0).equals(sum) || ctx.isConstant(a.getInput(1))) {
                break;
            }
            inputs.add(a.getInput(1));
            nodes.add(next.get());
            sum = a.getOutput(0);
        }
        return Optional.of(new LayerMatch(LayerKind.ADD, inputs, sum, nodes));
    }

    private static Optional<LayerMatch> positionalEncoding(int anchor, MatchContext ctx, String x, Tensor table)
            throws Unmappable {
        Optional<TensorShape> shape = ctx.shapeOf(x);
        String out = ctx.node(anchor).getOutput(0);
        if (shape.isPresent() && shape.get().rank() == 2 && table.isFloat()
                && table.size() == shape.get().size() && matchesPositionTable(table.floats(), shape.get())) {
            return Optional.of(new LayerMatch(LayerKind.POSITIONAL_ENCODING, List.of(x), out, List.of(anchor)));
        }
        throw new Unmappable("Add of a constant tensor " + Tensors.describe(table.shape()) + " that is not a bias of"
                + " a matched layer nor the sine-cosine positional encoding; no LayerLoom layer adds constants.");
    }

    /** Whether the values are the engine's positional encoding of a (T, F) sequence. */
    private static boolean matchesPositionTable(float[] values, TensorShape shape) {
        int steps = shape.dim(0);
        int features = shape.dim(1);
        for (int t = 0; t < steps; t++) {
            for (int f = 0; f < features; f++) {
                double angle = t / Math.pow(10_000, (f - f % 2) / (double) features);
                double expected = f % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
                if (Math.abs(values[t * features + f] - expected) > TABLE_TOLERANCE) {
                    return false;
                }
            }
        }
        return true;
    }
}
