package org.layerloom.engine.export.onnx;

import java.util.List;

/**
 * Add and Concatenate in ONNX operators, taking their inputs in wire order as the engine does: Add sums
 * them left to right (so the rounding matches), Concatenate joins them along the graph's axis, counted
 * without the batch axis (−1 the last). Stateless.
 */
final class MergeConverters {

    private MergeConverters() {
    }

    static void add(NodeInput node, OnnxGraph graph) {
        List<String> in = node.inputs();
        if (in.size() == 1) {
            graph.op("Identity", in, node.output());
            return;
        }
        String sum = in.get(0);
        for (int i = 1; i < in.size(); i++) {
            String next = i == in.size() - 1 ? node.output() : graph.value(node.id(), "sum" + i);
            graph.op("Add", List.of(sum, in.get(i)), next);
            sum = next;
        }
    }

    static void concatenate(NodeInput node, OnnxGraph graph) {
        int rank = node.outputShape().rank();
        int axis = node.intParam("axis");
        graph.op("Concat", node.inputs(), node.output(), OnnxGraph.integer("axis", (axis < 0 ? rank + axis : axis) + 1L));
    }
}
