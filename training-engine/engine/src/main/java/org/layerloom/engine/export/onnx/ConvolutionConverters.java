package org.layerloom.engine.export.onnx;

import java.util.ArrayList;
import java.util.List;

/**
 * Conv1D, Conv2D, MaxPool2D, AvgPool2D and GlobalAvgPool2D in ONNX operators. Conv1D keeps sequences as
 * (B, T, C) like the engine, so it transposes to (B, C, T) around the convolution. Average pooling counts
 * padded zeros in the average ({@code count_include_pad=1}), as PyTorch's and the engine's default.
 * Stateless.
 */
final class ConvolutionConverters {

    private ConvolutionConverters() {
    }

    static void conv2d(NodeInput node, OnnxGraph graph) {
        int k = node.intParam("kernel");
        int s = node.intParam("stride");
        int p = node.intParam("padding");
        String conv = ActivationConverters.beforeOption(node, graph, "conv");
        graph.op("Conv", convInputs(node, graph), conv, OnnxGraph.ints("kernel_shape", k, k),
                OnnxGraph.ints("strides", s, s), OnnxGraph.ints("pads", p, p, p, p));
        ActivationConverters.option(node, graph, conv);
    }

    /** (B, T, C) → (B, C, T) → Conv → (B, T', filters), then the activation option. */
    static void conv1d(NodeInput node, OnnxGraph graph) {
        String id = node.id();
        int p = node.intParam("padding");
        String channelsFirst = graph.value(id, "channels_first");
        graph.op("Transpose", List.of(node.input()), channelsFirst, OnnxGraph.ints("perm", 0, 2, 1));
        List<String> inputs = convInputs(node, graph);
        inputs.set(0, channelsFirst);
        String conv = graph.value(id, "conv");
        graph.op("Conv", inputs, conv, OnnxGraph.ints("kernel_shape", node.intParam("kernel")),
                OnnxGraph.ints("strides", node.intParam("stride")), OnnxGraph.ints("pads", p, p));
        String stepsFirst = ActivationConverters.beforeOption(node, graph, "steps_first");
        graph.op("Transpose", List.of(conv), stepsFirst, OnnxGraph.ints("perm", 0, 2, 1));
        ActivationConverters.option(node, graph, stepsFirst);
    }

    static void maxPool2d(NodeInput node, OnnxGraph graph) {
        int k = node.intParam("pool");
        int s = node.intParam("stride");
        int p = node.intParam("padding");
        graph.op("MaxPool", List.of(node.input()), node.output(), OnnxGraph.ints("kernel_shape", k, k),
                OnnxGraph.ints("strides", s, s), OnnxGraph.ints("pads", p, p, p, p));
    }

    static void avgPool2d(NodeInput node, OnnxGraph graph) {
        int k = node.intParam("pool");
        int s = node.intParam("stride");
        int p = node.intParam("padding");
        graph.op("AveragePool", List.of(node.input()), node.output(), OnnxGraph.ints("kernel_shape", k, k),
                OnnxGraph.ints("strides", s, s), OnnxGraph.ints("pads", p, p, p, p),
                OnnxGraph.integer("count_include_pad", 1));
    }

    /** (B, C, H, W) → (B, C, 1, 1) → (B, C). */
    static void globalAvgPool2d(NodeInput node, OnnxGraph graph) {
        String pooled = graph.value(node.id(), "pooled");
        graph.op("GlobalAveragePool", List.of(node.input()), pooled);
        graph.op("Flatten", List.of(pooled), node.output(), OnnxGraph.integer("axis", 1));
    }

    private static List<String> convInputs(NodeInput node, OnnxGraph graph) {
        String id = node.id();
        List<String> inputs = new ArrayList<>(List.of(node.input(),
                QdqConverters.weight(node, graph, "weight", id + ".weight", false)));
        if (node.hasWeight("bias")) {
            WeightTensor b = node.weight("bias");
            inputs.add(graph.floats(id + ".bias", b.shape(), b.values()));
        }
        return inputs;
    }
}
