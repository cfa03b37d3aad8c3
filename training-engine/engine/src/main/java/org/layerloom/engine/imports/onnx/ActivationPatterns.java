package org.layerloom.engine.imports.onnx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import onnx.Onnx.NodeProto;
import org.layerloom.engine.graph.LayerKind;

/**
 * The activations: ReLU, LeakyReLU, ELU, Sigmoid, Tanh and Softmax (over the last axis) as layers, GELU
 * from opset 20's exact {@code Gelu} or from its erf pattern {@code 0.5·x·(1 + erf(x/√2))} (as LayerLoom
 * writes it, {@code Mul(x, 1/√2)}, and as PyTorch does, {@code Div(x, √2)}, with the halving before or
 * after), and the same functions as the {@code activation} option of a Dense or convolution layer when
 * they directly follow it. Stateless.
 */
final class ActivationPatterns {

    private static final double SQRT2 = Math.sqrt(2);
    /** Constants of the GELU pattern match within this (float32 rounding of 1/√2, √2 and 0.5). */
    private static final double GELU_TOLERANCE = 1e-6;
    /** The option's fixed constants (PyTorch's defaults), as float32. */
    private static final float OPTION_LEAKY_SLOPE = 0.01f;
    private static final float OPTION_ELU_ALPHA = 1f;

    private ActivationPatterns() {
    }

    static Optional<LayerMatch> layer(int anchor, MatchContext ctx) throws Unmappable {
        NodeProto n = ctx.node(anchor);
        String in = n.getInput(0);
        List<String> inputs = List.of(in);
        List<Integer> nodes = List.of(anchor);
        String out = n.getOutput(0);
        return switch (n.getOpType()) {
            case "Relu" -> Optional.of(new LayerMatch(LayerKind.RELU, inputs, out, nodes));
            case "Sigmoid" -> Optional.of(new LayerMatch(LayerKind.SIGMOID, inputs, out, nodes));
            case "Tanh" -> Optional.of(new LayerMatch(LayerKind.TANH, inputs, out, nodes));
            case "LeakyRelu" -> Optional.of(new LayerMatch(LayerKind.LEAKY_RELU, inputs, out, nodes)
                    .param("alpha", Attributes.decimal(Attributes.real(n, "alpha", 0.01f))));
            case "Elu" -> Optional.of(new LayerMatch(LayerKind.ELU, inputs, out, nodes)
                    .param("alpha", Attributes.decimal(Attributes.real(n, "alpha", 1f))));
            case "Softmax" -> softmax(anchor, ctx);
            case "Gelu" -> {
                if (!exactGelu(n)) {
                    throw new Unmappable("Gelu with approximate=" + Attributes.text(n, "approximate", "none")
                            + "; LayerLoom's GELU is the exact (erf) form.");
                }
                yield Optional.of(new LayerMatch(LayerKind.GELU, inputs, out, nodes));
            }
            case "Mul", "Div" -> gelu(anchor, ctx).map(t -> new LayerMatch(LayerKind.GELU, List.of(geluInput(anchor, ctx)),
                    t.output(), t.nodes()));
            default -> Optional.empty();
        };
    }

    /** Opset 20's Gelu operator in its exact (erf) form; the tanh approximation is another function. */
    private static boolean exactGelu(NodeProto n) {
        return Attributes.text(n, "approximate", "none").equals("none");
    }

    private static Optional<LayerMatch> softmax(int anchor, MatchContext ctx) throws Unmappable {
        NodeProto n = ctx.node(anchor);
        long axis = Attributes.integer(n, "axis", ctx.opset() >= 13 ? -1 : 1);
        int rank = ctx.shapeOf(n.getInput(0)).map(s -> s.rank() + 1).orElse(0);
        if (axis != -1 && axis != rank - 1) {
            throw new Unmappable("Softmax over axis " + axis + " of a rank-" + rank + " tensor; LayerLoom's Softmax"
                    + " works over the last axis.");
        }
        return Optional.of(new LayerMatch(LayerKind.SOFTMAX, List.of(n.getInput(0)), n.getOutput(0), List.of(anchor)));
    }

    /**
     * The activation option after a layer whose result is {@code value}: the nodes that compute it when
     * they are the only readers of {@code value} and may join {@code anchor}'s layer.
     */
    static Optional<LayerMatch.ActivationTail> option(int anchor, String value, MatchContext ctx) {
        Optional<Integer> f = ctx.follower(anchor, value, "Relu", "LeakyRelu", "Elu", "Sigmoid", "Tanh", "Gelu");
        if (f.isPresent()) {
            NodeProto n = ctx.node(f.get());
            String choice = switch (n.getOpType()) {
                case "Relu" -> "relu";
                case "Sigmoid" -> "sigmoid";
                case "Tanh" -> "tanh";
                case "LeakyRelu" -> Attributes.real(n, "alpha", 0.01f) == OPTION_LEAKY_SLOPE ? "leaky_relu" : null;
                case "Elu" -> Attributes.real(n, "alpha", 1f) == OPTION_ELU_ALPHA ? "elu" : null;
                case "Gelu" -> exactGelu(n) ? "gelu" : null;
                default -> null;
            };
            return choice == null ? Optional.empty()
                    : Optional.of(new LayerMatch.ActivationTail(choice, List.of(f.get()), n.getOutput(0)));
        }
        for (int reader : ctx.readers(value)) {
            String op = ctx.op(reader);
            if ((op.equals("Mul") || op.equals("Div")) && ctx.joinable(anchor, reader)) {
                Optional<LayerMatch.ActivationTail> g = gelu(reader, ctx);
                if (g.isPresent() && geluInput(reader, ctx).equals(value)
                        && g.get().nodes().containsAll(ctx.readers(value))
                        && g.get().nodes().stream().allMatch(x -> ctx.joinable(anchor, x))) {
                    return Optional.of(new LayerMatch.ActivationTail("gelu", g.get().nodes(), g.get().output()));
                }
            }
        }
        return Optional.empty();
    }

    private static String geluInput(int node, MatchContext ctx) {
        NodeProto n = ctx.node(node);
        return ctx.isConstant(n.getInput(0)) ? n.getInput(1) : n.getInput(0);
    }

    /**
     * The GELU pattern through node {@code a}, which reads x: either its scaling {@code x/√2} (then Erf, +1
     * and the products follow), or the halving {@code 0.5·x} of LayerLoom's form, whose sibling is tried.
     */
    private static Optional<LayerMatch.ActivationTail> gelu(int a, MatchContext ctx) {
        Optional<LayerMatch.ActivationTail> direct = geluFromScaling(a, ctx);
        if (direct.isPresent() || !isTimes(ctx, a, 0.5)) {
            return direct;
        }
        String x = geluInput(a, ctx);
        for (int sibling : ctx.readers(x)) {
            if (sibling != a && ctx.joinable(a, sibling)) {
                Optional<LayerMatch.ActivationTail> g = geluFromScaling(sibling, ctx);
                if (g.isPresent() && g.get().nodes().contains(a)) {
                    return g;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<LayerMatch.ActivationTail> geluFromScaling(int a, MatchContext ctx) {
        NodeProto scale = ctx.node(a);
        boolean scaled = scale.getOpType().equals("Mul") ? isTimes(ctx, a, 1 / SQRT2)
                : scale.getOpType().equals("Div") && ctx.constantInput(a, 1).filter(c -> c.isScalar(SQRT2, 1e-5)).isPresent();
        if (!scaled) {
            return Optional.empty();
        }
        String x = geluInput(a, ctx);
        Optional<Integer> erf = ctx.follower(a, scale.getOutput(0), "Erf");
        Optional<Integer> plus = erf.flatMap(e -> ctx.follower(a, ctx.node(e).getOutput(0), "Add"))
                .filter(p -> isPlus(ctx, p, 1));
        Optional<Integer> product = plus.flatMap(p -> ctx.follower(a, ctx.node(p).getOutput(0), "Mul"));
        if (product.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> nodes = new ArrayList<>(List.of(a, erf.get(), plus.get()));
        NodeProto m = ctx.node(product.get());
        String onePlus = ctx.node(plus.get()).getOutput(0);
        String other = m.getInput(0).equals(onePlus) ? m.getInput(1) : m.getInput(0);
        if (other.equals(x)) {
            Optional<Integer> half = ctx.follower(a, m.getOutput(0), "Mul").filter(h -> isTimes(ctx, h, 0.5));
            if (half.isEmpty()) {
                return Optional.empty();
            }
            nodes.addAll(List.of(product.get(), half.get()));
            return tail(ctx, x, nodes, ctx.node(half.get()).getOutput(0));
        }
        Optional<Integer> half = ctx.values().producer(other)
                .filter(h -> ctx.joinable(a, h) && isTimes(ctx, h, 0.5) && geluInput(h, ctx).equals(x)
                        && ctx.readers(other).size() == 1);
        if (half.isEmpty()) {
            return Optional.empty();
        }
        nodes.addAll(List.of(half.get(), product.get()));
        return tail(ctx, x, nodes, m.getOutput(0));
    }

    private static Optional<LayerMatch.ActivationTail> tail(MatchContext ctx, String x, List<Integer> nodes, String out) {
        Set<Integer> within = new HashSet<>(nodes);
        for (int n : nodes) {
            for (String o : ctx.node(n).getOutputList()) {
                if (!o.equals(out) && !within.containsAll(ctx.readers(o))) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new LayerMatch.ActivationTail("gelu", nodes, out));
    }

    /** Whether the node is {@code Mul(x, c)} or {@code Mul(c, x)} with the scalar constant c. */
    private static boolean isTimes(MatchContext ctx, int node, double c) {
        NodeProto n = ctx.node(node);
        return n.getOpType().equals("Mul") && n.getInputCount() == 2
                && (ctx.constant(n.getInput(1)).filter(t -> t.isScalar(c, GELU_TOLERANCE)).isPresent()
                || ctx.constant(n.getInput(0)).filter(t -> t.isScalar(c, GELU_TOLERANCE)).isPresent());
    }

    private static boolean isPlus(MatchContext ctx, int node, double c) {
        NodeProto n = ctx.node(node);
        return n.getInputCount() == 2 && (ctx.constant(n.getInput(1)).filter(t -> t.isScalar(c, 0)).isPresent()
                || ctx.constant(n.getInput(0)).filter(t -> t.isScalar(c, 0)).isPresent());
    }
}
