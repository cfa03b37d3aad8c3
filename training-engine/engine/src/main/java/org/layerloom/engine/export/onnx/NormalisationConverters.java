package org.layerloom.engine.export.onnx;

import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.graph.TensorShape;

/**
 * BatchNorm (inference: the running statistics) and LayerNorm in ONNX operators, over the axes the
 * engine uses: BatchNorm over the channels of feature maps and the features (last axis) otherwise, so a
 * sequence (B, T, F) is transposed to (B, F, T) around ONNX's channels-at-axis-1 operator; LayerNorm over
 * the last axis, or over all of (C, H, W) for feature maps. Stateless.
 */
final class NormalisationConverters {

    private NormalisationConverters() {
    }

    static void batchNorm(NodeInput node, OnnxGraph graph) {
        String id = node.id();
        TensorShape in = node.inputShape();
        List<String> stats = List.of(weight(node, graph, "weight"), weight(node, graph, "bias"),
                weight(node, graph, "running_mean"), weight(node, graph, "running_var"));
        boolean sequence = !in.isImage() && in.rank() == 2;
        String x = node.input();
        String normalised = node.output();
        if (sequence) {
            x = graph.value(id, "features_first");
            graph.op("Transpose", List.of(node.input()), x, OnnxGraph.ints("perm", 0, 2, 1));
            normalised = graph.value(id, "normalised");
        }
        List<String> inputs = new ArrayList<>(List.of(x));
        inputs.addAll(stats);
        graph.op("BatchNormalization", inputs, normalised, OnnxGraph.real("epsilon", node.realParam("epsilon")));
        if (sequence) {
            graph.op("Transpose", List.of(normalised), node.output(), OnnxGraph.ints("perm", 0, 2, 1));
        }
    }

    static void layerNorm(NodeInput node, OnnxGraph graph) {
        graph.op("LayerNormalization", List.of(node.input(), weight(node, graph, "weight"), weight(node, graph, "bias")),
                node.output(), OnnxGraph.integer("axis", node.inputShape().isImage() ? 1 : -1),
                OnnxGraph.real("epsilon", node.realParam("epsilon")));
    }

    private static String weight(NodeInput node, OnnxGraph graph, String torchName) {
        return QdqConverters.weight(node, graph, torchName, node.id() + "." + torchName, false);
    }
}
