package org.layerloom.engine.imports.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import onnx.Onnx.NodeProto;
import org.layerloom.engine.graph.LayerKind;

/**
 * SimpleRNN, LSTM and GRU from ONNX's RNN, LSTM and GRU operators on a batch-first sequence:
 * {@code Transpose(1,0,2)} to steps-first, the operator, then either all states ({@code Y}, squeezed and
 * transposed back: return sequences) or the last ({@code Y_h}, squeezed). The weights get the inverse of
 * the exporter's gate permutation: ONNX's LSTM blocks i, o, f, c become PyTorch's i, f, g, o; GRU's z, r, h
 * become r, z, n; {@code B} splits into the input and recurrent biases. Only what PyTorch's layers compute
 * maps: one forward direction, default activations (tanh or ReLU for RNN), no initial state, no peepholes,
 * no clipping, and for GRU {@code linear_before_reset=1}. Stateless.
 */
final class RecurrentPatterns {

    /** PyTorch's block k is ONNX's block LSTM_FROM_ONNX[k] (the inverse of i, f, g, o → i, o, f, c). */
    static final int[] LSTM_FROM_ONNX = {0, 2, 3, 1};
    /** PyTorch's block k is ONNX's block GRU_FROM_ONNX[k] (the inverse of r, z, n → z, r, h). */
    static final int[] GRU_FROM_ONNX = {1, 0, 2};

    private RecurrentPatterns() {
    }

    static Optional<LayerMatch> recurrent(int transpose, int op, MatchContext ctx) throws Unmappable {
        NodeProto n = ctx.node(op);
        String type = n.getOpType();
        LayerKind kind = type.equals("LSTM") ? LayerKind.LSTM : type.equals("GRU") ? LayerKind.GRU : LayerKind.SIMPLE_RNN;
        int gates = kind == LayerKind.LSTM ? 4 : kind == LayerKind.GRU ? 3 : 1;
        int[] order = kind == LayerKind.LSTM ? LSTM_FROM_ONNX : kind == LayerKind.GRU ? GRU_FROM_ONNX : new int[] {0};
        checkSupported(ctx, op, kind);
        List<Integer> zeroStates = zeroStates(ctx, transpose, op);
        int units = (int) Attributes.integer(n, "hidden_size", 0);
        Tensor w = ctx.constantInput(op, 1).orElseThrow(() -> new Unmappable(type + " without a constant W."));
        Tensor r = ctx.constantInput(op, 2).orElseThrow(() -> new Unmappable(type + " without a constant R."));
        if (w.rank() != 3 || w.shape()[0] != 1 || r.rank() != 3 || r.shape()[0] != 1 || !w.isFloat() || !r.isFloat()) {
            throw new Unmappable(type + " weights of shapes " + Tensors.describe(w.shape()) + " and "
                    + Tensors.describe(r.shape()) + "; one direction needs (1, " + gates + "·H, F) and (1, " + gates
                    + "·H, H).");
        }
        if (units == 0) {
            units = (int) (r.shape()[2]);
        }
        long rows = (long) gates * units;
        if (w.shape()[1] != rows || r.shape()[1] != rows || r.shape()[2] != units) {
            throw new Unmappable(type + " weights do not fit hidden_size " + units + ".");
        }
        Tensor b = ctx.constantInput(op, 3).orElse(Tensor.ofFloats(new long[] {1, 2 * rows}, new float[(int) (2 * rows)]));
        if (b.size() != 2 * rows || !b.isFloat()) {
            throw new Unmappable(type + " bias B of shape " + Tensors.describe(b.shape()) + "; expected (1, " + 2 * rows + ").");
        }
        Tensor bias = b.reshaped(2 * rows);
        LayerMatch m = outputs(transpose, op, ctx, kind);
        m.nodes.addAll(zeroStates);
        m.param("units", units)
                .weight("weight_ih_l0", w.reshaped(rows, w.shape()[2]).blocks(order))
                .weight("weight_hh_l0", r.reshaped(rows, units).blocks(order))
                .weight("bias_ih_l0", bias.rows(0, rows).blocks(order))
                .weight("bias_hh_l0", bias.rows(rows, 2 * rows).blocks(order));
        if (kind == LayerKind.SIMPLE_RNN) {
            List<String> activations = Attributes.texts(n, "activations");
            m.param("nonlinearity", !activations.isEmpty() && activations.get(0).equals("Relu") ? "relu" : "tanh");
        }
        return Optional.of(m);
    }

    private static LayerMatch outputs(int transpose, int op, MatchContext ctx, LayerKind kind) throws Unmappable {
        NodeProto n = ctx.node(op);
        String in = ctx.node(transpose).getInput(0);
        String y = n.getOutputCount() > 0 ? n.getOutput(0) : "";
        String yh = n.getOutputCount() > 1 ? n.getOutput(1) : "";
        boolean usesY = !y.isEmpty() && !ctx.readers(y).isEmpty();
        boolean usesYh = !yh.isEmpty() && !ctx.readers(yh).isEmpty();
        if (n.getOutputCount() > 2 && !n.getOutput(2).isEmpty() && !ctx.readers(n.getOutput(2)).isEmpty()) {
            throw new Unmappable("LSTM whose last cell state Y_c is used; LayerLoom's LSTM gives only h.");
        }
        if (usesY == usesYh) {
            throw new Unmappable(n.getOpType() + " whose " + (usesY ? "states and last state are both" : "outputs are not")
                    + " used; LayerLoom gives either every step's state or the last one.");
        }
        List<Integer> nodes = new ArrayList<>(List.of(transpose, op));
        if (usesY) {
            Optional<Integer> squeeze = ctx.follower(transpose, y, "Squeeze").filter(s -> squeezes(ctx, s, 1));
            Optional<Integer> back = squeeze.flatMap(s -> ctx.follower(transpose, ctx.node(s).getOutput(0), "Transpose"))
                    .filter(t -> Attributes.intsAre(ctx.node(t), "perm", List.of(), 1L, 0L, 2L));
            if (back.isEmpty()) {
                throw new Unmappable(n.getOpType() + " whose states Y are not squeezed and transposed back to"
                        + " (batch, steps, units).");
            }
            nodes.addAll(List.of(squeeze.get(), back.get()));
            return new LayerMatch(kind, List.of(in), ctx.node(back.get()).getOutput(0), nodes)
                    .param("return_sequences", true);
        }
        Optional<Integer> squeeze = ctx.follower(transpose, yh, "Squeeze").filter(s -> squeezes(ctx, s, 0));
        if (squeeze.isEmpty()) {
            throw new Unmappable(n.getOpType() + " whose last state Y_h is not squeezed to (batch, units).");
        }
        nodes.add(squeeze.get());
        return new LayerMatch(kind, List.of(in), ctx.node(squeeze.get()).getOutput(0), nodes)
                .param("return_sequences", false);
    }

    private static boolean squeezes(MatchContext ctx, int squeeze, long axis) {
        List<Long> axes = Attributes.ints(ctx.node(squeeze), "axes").orElseGet(() -> ctx.constantInput(squeeze, 1)
                .map(t -> java.util.Arrays.stream(t.asLongs()).boxed().toList()).orElse(List.of()));
        return axes.equals(List.of(axis));
    }

    private static void checkSupported(MatchContext ctx, int op, LayerKind kind) throws Unmappable {
        NodeProto n = ctx.node(op);
        String type = n.getOpType();
        String direction = Attributes.text(n, "direction", "forward");
        if (!direction.equals("forward")) {
            throw new Unmappable(type + " with direction=" + direction + "; LayerLoom's recurrent layers read forward.");
        }
        if (Attributes.integer(n, "layout", 0) != 0) {
            throw new Unmappable(type + " with layout=1.");
        }
        if (Attributes.find(n, "clip").isPresent()) {
            throw new Unmappable(type + " with cell clipping.");
        }
        if (Attributes.integer(n, "input_forget", 0) != 0) {
            throw new Unmappable("LSTM with input_forget=1 (coupled gates).");
        }
        List<String> activations = Attributes.texts(n, "activations");
        List<List<String>> allowed = switch (kind) {
            case LSTM -> List.of(List.of(), List.of("Sigmoid", "Tanh", "Tanh"));
            case GRU -> List.of(List.of(), List.of("Sigmoid", "Tanh"));
            default -> List.of(List.of(), List.of("Tanh"), List.of("Relu"));
        };
        if (!allowed.contains(activations)) {
            throw new Unmappable(type + " with activations " + activations + "; PyTorch's layers use the defaults.");
        }
        if (kind == LayerKind.GRU && Attributes.integer(n, "linear_before_reset", 0) != 1) {
            throw new Unmappable("GRU with linear_before_reset=0 applies the reset gate before the recurrent product;"
                    + " PyTorch and LayerLoom apply it after, so the layer would compute something else.");
        }
    }

    /**
     * Checks that the optional inputs after B are absent or zero initial states, and gives the nodes that
     * make zero states at run time ({@code ConstantOfShape} of 0, or {@code Expand} of a zero constant, as
     * PyTorch writes them for a free batch size), which the layer consumes.
     */
    private static List<Integer> zeroStates(MatchContext ctx, int transpose, int op) throws Unmappable {
        NodeProto n = ctx.node(op);
        List<Integer> makers = new ArrayList<>();
        for (int k = 4; k < n.getInputCount(); k++) {
            String in = n.getInput(k);
            if (in.isEmpty()) {
                continue;
            }
            Optional<Tensor> c = ctx.constant(in);
            boolean zeros = c.isPresent() && c.get().isFloat() && allZero(c.get().floats());
            Optional<Integer> maker = ctx.values().producer(in).filter(p -> ctx.joinable(transpose, p) || makers.contains(p));
            boolean madeZero = k >= 5 && maker.isPresent() && makesZeros(ctx, maker.get());
            if (!zeros && !madeZero) {
                throw new Unmappable(n.getOpType() + " with " + (k == 4 ? "sequence lengths" : k == 7 ? "peepholes"
                        : "an initial state") + " input '" + in + "'; LayerLoom starts from zeros and reads every step.");
            }
            if (madeZero && !makers.contains(maker.get())) {
                makers.add(maker.get());
            }
        }
        return makers;
    }

    private static boolean makesZeros(MatchContext ctx, int node) {
        NodeProto n = ctx.node(node);
        if (n.getOpType().equals("ConstantOfShape")) {
            Optional<onnx.Onnx.AttributeProto> value = Attributes.find(n, "value");
            try {
                return ctx.constantInput(node, 0).isPresent()
                        && (value.isEmpty() || allZero(Tensors.decode(value.get().getT(), n.getName()).asFloats()));
            } catch (ImportFailure e) {
                return false;
            }
        }
        return n.getOpType().equals("Expand") && ctx.constantInput(node, 1).isPresent()
                && ctx.constantInput(node, 0).filter(t -> allZero(t.asFloats())).isPresent();
    }

    private static boolean allZero(float[] v) {
        for (float f : v) {
            if (f != 0) {
                return false;
            }
        }
        return true;
    }
}
