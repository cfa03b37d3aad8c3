package org.layerloom.engine.export.onnx;

import java.util.List;
import onnx.Onnx.TensorProto;

/**
 * Input, Output, Dense, Flatten, Reshape, Dropout and Embedding in ONNX operators. Dense works on the
 * last axis (so on every step of a sequence) as the engine's DJL {@code Linear}: {@code Gemm} with the
 * PyTorch weight (transB) on vectors, {@code MatMul} with the transposed weight plus the bias otherwise.
 * Dropout is the identity at inference. Stateless.
 */
final class CoreConverters {

    private CoreConverters() {
    }

    /** Input and Output pass their value through, under the node id. */
    static void passThrough(NodeInput node, OnnxGraph graph) {
        graph.op("Identity", List.of(node.input()), node.output());
    }

    static void dense(NodeInput node, OnnxGraph graph) {
        String id = node.id();
        boolean bias = node.hasWeight("bias");
        String linear = ActivationConverters.beforeOption(node, graph, "linear");
        if (node.inputShape().rank() == 1) {
            String weight = QdqConverters.weight(node, graph, "weight", id + ".weight", false);
            List<String> inputs = bias
                    ? List.of(node.input(), weight, graph.floats(id + ".bias", node.weight("bias").shape(),
                    node.weight("bias").values()))
                    : List.of(node.input(), weight);
            graph.op("Gemm", inputs, linear, OnnxGraph.integer("transB", 1));
        } else {
            String weight = QdqConverters.weight(node, graph, "weight", graph.value(id, "weight_t"), true);
            String product = bias ? graph.value(id, "matmul") : linear;
            graph.op("MatMul", List.of(node.input(), weight), product);
            if (bias) {
                WeightTensor b = node.weight("bias");
                graph.op("Add", List.of(product, graph.floats(id + ".bias", b.shape(), b.values())), linear);
            }
        }
        ActivationConverters.option(node, graph, linear);
    }

    /** (B, …) → (B, product of the rest). */
    static void flatten(NodeInput node, OnnxGraph graph) {
        graph.op("Flatten", List.of(node.input()), node.output(), OnnxGraph.integer("axis", 1));
    }

    /** (B, …) → (B, target…), keeping the values in order. */
    static void reshape(NodeInput node, OnnxGraph graph) {
        List<Integer> dims = node.outputShape().dims();
        long[] target = new long[dims.size() + 1];
        target[0] = -1;
        for (int i = 0; i < dims.size(); i++) {
            target[i + 1] = dims.get(i);
        }
        graph.op("Reshape", List.of(node.input(), graph.longs(graph.value(node.id(), "shape"), target)),
                node.output());
    }

    static void dropout(NodeInput node, OnnxGraph graph) {
        graph.op("Identity", List.of(node.input()), node.output());
    }

    /** (B, T) token ids → (B, T, dimension): row {@code id} of the table, PyTorch's {@code nn.Embedding}. */
    static void embedding(NodeInput node, OnnxGraph graph) {
        WeightTensor table = node.weight("weight");
        String ids = node.input();
        if (!node.inputShape().isTokenIds()) {
            ids = graph.value(node.id(), "ids");
            graph.op("Cast", List.of(node.input()), ids, OnnxGraph.integer("to", TensorProto.DataType.INT64_VALUE));
        }
        graph.op("Gather", List.of(graph.floats(node.id() + ".weight", table.shape(), table.values()), ids),
                node.output(), OnnxGraph.integer("axis", 0));
    }
}
