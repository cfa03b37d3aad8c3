package org.layerloom.engine.imports.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import onnx.Onnx.NodeProto;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.TensorShape;

/**
 * Dense from {@code Gemm} (transB=1 holds PyTorch's weight as it is, transB=0 its transpose; alpha and beta
 * are folded into the weight and bias) or from {@code MatMul} with a constant matrix, plus a constant bias
 * {@code Add}; then the activation option when an activation follows directly. Stateless.
 */
final class DensePatterns {

    private DensePatterns() {
    }

    static Optional<LayerMatch> gemm(int anchor, MatchContext ctx) throws Unmappable {
        NodeProto n = ctx.node(anchor);
        Optional<Tensor> b = ctx.constantInput(anchor, 1);
        if (b.isEmpty() || ctx.isConstant(n.getInput(0))) {
            throw new Unmappable("Gemm without a constant weight matrix B; a Dense layer needs its weights in the file.");
        }
        if (Attributes.integer(n, "transA", 0) != 0) {
            throw new Unmappable("Gemm with transA=1 transposes its input; no LayerLoom layer does that.");
        }
        Tensor weight = Attributes.integer(n, "transB", 0) == 1 ? b.get() : requireMatrix(b.get()).transposed();
        requireMatrix(weight);
        int units = (int) weight.shape()[0];
        LayerMatch m = new LayerMatch(LayerKind.DENSE, List.of(n.getInput(0)), n.getOutput(0), List.of(anchor));
        float alpha = Attributes.real(n, "alpha", 1f);
        float beta = Attributes.real(n, "beta", 1f);
        if (alpha != 1f) {
            weight = scaled(weight, alpha);
            m.remark("alpha " + alpha + " is folded into the weight");
        }
        m.weight("weight", weight);
        Optional<Tensor> c = ctx.constantInput(anchor, 2);
        if (n.getInputCount() > 2 && !n.getInput(2).isEmpty() && c.isEmpty()) {
            throw new Unmappable("Gemm with a bias C that is not a constant; a Dense bias must be stored in the file.");
        }
        if (c.isPresent()) {
            Tensor bias = vector(c.get(), units, "the bias C of Gemm");
            if (beta != 1f) {
                bias = scaled(bias, beta);
                m.remark("beta " + beta + " is folded into the bias");
            }
            m.weight("bias", bias);
        }
        return Optional.of(finish(anchor, ctx, m, units, c.isPresent()));
    }

    static Optional<LayerMatch> matMul(int anchor, MatchContext ctx) throws Unmappable {
        NodeProto n = ctx.node(anchor);
        Optional<Tensor> w = ctx.constantInput(anchor, 1);
        if (w.isEmpty() || ctx.isConstant(n.getInput(0))) {
            throw new Unmappable("MatMul of two computed values (as in attention); only a MatMul by a constant"
                    + " weight matrix maps, to Dense.");
        }
        Tensor weight = requireMatrix(w.get()).transposed();
        int units = (int) weight.shape()[0];
        Optional<TensorShape> in = ctx.shapeOf(n.getInput(0));
        if (in.isPresent() && (in.get().rank() > 2 || in.get().last() != w.get().shape()[0])) {
            throw new Unmappable("MatMul of a " + in.get().tuple() + " input by a " + Tensors.describe(w.get().shape())
                    + " matrix; Dense multiplies the last axis of a vector or sequence.");
        }
        List<Integer> nodes = new ArrayList<>(List.of(anchor));
        String out = n.getOutput(0);
        Optional<Integer> add = ctx.follower(anchor, out, "Add");
        Tensor bias = null;
        if (add.isPresent()) {
            NodeProto a = ctx.node(add.get());
            String other = a.getInput(0).equals(out) ? a.getInput(1) : a.getInput(0);
            Optional<Tensor> c = ctx.constant(other);
            if (c.isPresent() && c.get().isFloat() && c.get().size() == units && c.get().rank() <= 1) {
                bias = vector(c.get(), units, "the bias");
                nodes.add(add.get());
                out = a.getOutput(0);
            }
        }
        LayerMatch m = new LayerMatch(LayerKind.DENSE, List.of(n.getInput(0)), out, nodes).weight("weight", weight);
        if (bias != null) {
            m.weight("bias", bias);
        }
        return Optional.of(finish(anchor, ctx, m, units, bias != null));
    }

    private static LayerMatch finish(int anchor, MatchContext ctx, LayerMatch m, int units, boolean bias) {
        m.param("units", units).param("bias", bias);
        return ActivationPatterns.option(anchor, m.output, ctx).map(m::withActivation).orElse(m);
    }

    static Tensor requireMatrix(Tensor t) throws Unmappable {
        if (t.rank() != 2 || !t.isFloat()) {
            throw new Unmappable("the weight " + Tensors.describe(t.shape()) + " is not a float matrix.");
        }
        return t;
    }

    /** A bias of {@code size} values from a constant of that size (or a single value, repeated). */
    static Tensor vector(Tensor t, int size, String what) throws Unmappable {
        if (!t.isFloat() || (t.size() != size && t.size() != 1)) {
            throw new Unmappable(what + " has shape " + Tensors.describe(t.shape()) + ", not (" + size + ").");
        }
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = t.floats()[t.size() == 1 ? 0 : i];
        }
        return Tensor.ofFloats(new long[] {size}, v);
    }

    private static Tensor scaled(Tensor t, float factor) {
        float[] v = t.floats().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return Tensor.ofFloats(t.shape(), v);
    }
}
