package org.layerloom.engine.export.onnx;

import java.util.List;
import org.layerloom.engine.graph.Node;

/**
 * The activation functions in ONNX operators: the activation layer kinds (ReLU … Softmax) and the
 * {@code activation} option of Dense and convolution layers, with the engine's constants (PyTorch's
 * defaults: leaky slope 0.01 and ELU α 1 for the options). GELU is the exact (erf) form the engine's
 * libtorch computes, built from opset-17 operators: {@code 0.5·x·(1 + erf(x/√2))}. Stateless.
 */
final class ActivationConverters {

    private static final float OPTION_LEAKY_SLOPE = 0.01f;
    private static final float OPTION_ELU_ALPHA = 1f;

    private ActivationConverters() {
    }

    /** An activation layer node. */
    static void layer(NodeInput node, OnnxGraph graph) {
        Node n = node.node();
        String in = node.input();
        String out = node.output();
        switch (n.kind()) {
            case RELU -> graph.op("Relu", List.of(in), out);
            case LEAKY_RELU -> leakyRelu(graph, in, out, node.realParam("alpha"));
            case ELU -> elu(graph, in, out, node.realParam("alpha"));
            case GELU -> gelu(graph, node.id(), in, out);
            case SIGMOID -> graph.op("Sigmoid", List.of(in), out);
            case TANH -> graph.op("Tanh", List.of(in), out);
            case SOFTMAX -> graph.op("Softmax", List.of(in), out, OnnxGraph.integer("axis", -1));
            default -> throw new IllegalArgumentException(n.kind() + " is not an activation layer");
        }
    }

    /** Whether the node has an {@code activation} option other than "none". */
    static boolean hasOption(NodeInput node) {
        return node.node().params().has("activation") && !"none".equals(node.node().params().choice("activation"));
    }

    /**
     * The value a layer with an activation option writes before the activation: a fresh name when the
     * option is on, else the node's output itself.
     */
    static String beforeOption(NodeInput node, OnnxGraph graph, String step) {
        return hasOption(node) ? graph.value(node.id(), step) : node.output();
    }

    /** Applies the node's activation option to {@code in}, writing the node's output; nothing for "none". */
    static void option(NodeInput node, OnnxGraph graph, String in) {
        if (!hasOption(node)) {
            return;
        }
        String out = node.output();
        String choice = node.node().params().choice("activation");
        switch (choice) {
            case "relu" -> graph.op("Relu", List.of(in), out);
            case "leaky_relu" -> leakyRelu(graph, in, out, OPTION_LEAKY_SLOPE);
            case "elu" -> elu(graph, in, out, OPTION_ELU_ALPHA);
            case "gelu" -> gelu(graph, node.id(), in, out);
            case "sigmoid" -> graph.op("Sigmoid", List.of(in), out);
            case "tanh" -> graph.op("Tanh", List.of(in), out);
            default -> throw new IllegalArgumentException("unknown activation '" + choice + "'");
        }
    }

    private static void leakyRelu(OnnxGraph graph, String in, String out, float slope) {
        graph.op("LeakyRelu", List.of(in), out, OnnxGraph.real("alpha", slope));
    }

    private static void elu(OnnxGraph graph, String in, String out, float alpha) {
        graph.op("Elu", List.of(in), out, OnnxGraph.real("alpha", alpha));
    }

    /** {@code 0.5·x·(1 + erf(x/√2))}: opset 17 has no Gelu operator (it came in opset 20). */
    static void gelu(OnnxGraph graph, String nodeId, String in, String out) {
        String scaled = graph.value(nodeId, "gelu_scaled");
        graph.op("Mul", List.of(in, graph.scalar(graph.value(nodeId, "inv_sqrt2"), (float) (1 / Math.sqrt(2)))),
                scaled);
        String erf = graph.value(nodeId, "gelu_erf");
        graph.op("Erf", List.of(scaled), erf);
        String onePlus = graph.value(nodeId, "gelu_one_plus");
        graph.op("Add", List.of(erf, graph.scalar(graph.value(nodeId, "one"), 1f)), onePlus);
        String half = graph.value(nodeId, "gelu_half_x");
        graph.op("Mul", List.of(in, graph.scalar(graph.value(nodeId, "half"), 0.5f)), half);
        graph.op("Mul", List.of(half, onePlus), out);
    }
}
