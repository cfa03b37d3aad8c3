package org.layerloom.engine.export.onnx;

import java.util.ArrayList;
import java.util.List;
import onnx.Onnx.AttributeProto;

/**
 * SimpleRNN, LSTM and GRU as ONNX's RNN, LSTM and GRU operators (one layer, forward, sequence-first:
 * the engine's batch-first (B, T, F) is transposed around them, since ONNX Runtime does not run
 * {@code layout=1}). PyTorch's weights are reordered to ONNX's gate order: LSTM i, f, g, o → i, o, f, c;
 * GRU r, z, n → z, r, h with {@code linear_before_reset=1} (PyTorch applies the reset gate after the
 * recurrent product, bias included). ONNX's {@code B} is PyTorch's input bias followed by its recurrent
 * bias. Without "return sequences" the node's output is the last state {@code Y_h}, (B, H). Stateless.
 */
final class RecurrentConverters {

    /** Block i of ONNX's LSTM weights is PyTorch's block LSTM_ORDER[i]. */
    static final int[] LSTM_ORDER = {0, 3, 1, 2};
    /** Block i of ONNX's GRU weights is PyTorch's block GRU_ORDER[i]. */
    static final int[] GRU_ORDER = {1, 0, 2};

    private RecurrentConverters() {
    }

    static void simpleRnn(NodeInput node, OnnxGraph graph) {
        String f = "relu".equals(node.node().params().choice("nonlinearity")) ? "Relu" : "Tanh";
        recurrent(node, graph, "RNN", 1, new int[] {0}, OnnxGraph.texts("activations", f));
    }

    static void lstm(NodeInput node, OnnxGraph graph) {
        recurrent(node, graph, "LSTM", 4, LSTM_ORDER);
    }

    static void gru(NodeInput node, OnnxGraph graph) {
        recurrent(node, graph, "GRU", 3, GRU_ORDER, OnnxGraph.integer("linear_before_reset", 1));
    }

    private static void recurrent(NodeInput node, OnnxGraph graph, String op, int gates, int[] order,
                                  AttributeProto... extra) {
        String id = node.id();
        int units = node.intParam("units");
        WeightTensor w = node.weight("weight_ih_l0").blocksReordered(gates, order).withLeadingOne();
        WeightTensor r = node.weight("weight_hh_l0").blocksReordered(gates, order).withLeadingOne();
        WeightTensor b = node.weight("bias_ih_l0").blocksReordered(gates, order)
                .followedBy(node.weight("bias_hh_l0").blocksReordered(gates, order)).withLeadingOne();
        String stepsFirst = graph.value(id, "steps_first");
        graph.op("Transpose", List.of(node.input()), stepsFirst, OnnxGraph.ints("perm", 1, 0, 2));
        List<String> inputs = List.of(stepsFirst, graph.floats(graph.value(id, "W"), w.shape(), w.values()),
                graph.floats(graph.value(id, "R"), r.shape(), r.values()),
                graph.floats(graph.value(id, "B"), b.shape(), b.values()));
        List<AttributeProto> attributes = new ArrayList<>(List.of(OnnxGraph.integer("hidden_size", units)));
        attributes.addAll(List.of(extra));
        AttributeProto[] attrs = attributes.toArray(AttributeProto[]::new);
        if (node.node().params().flag("return_sequences")) {
            String all = graph.value(id, "Y");
            graph.op(op, inputs, List.of(all), attrs);
            String squeezed = graph.value(id, "Y_squeezed");
            graph.op("Squeeze", List.of(all, graph.longs(graph.value(id, "direction_axis"), 1)), squeezed);
            graph.op("Transpose", List.of(squeezed), node.output(), OnnxGraph.ints("perm", 1, 0, 2));
        } else {
            String last = graph.value(id, "Y_h");
            graph.op(op, inputs, List.of("", last), attrs);
            graph.op("Squeeze", List.of(last, graph.longs(graph.value(id, "direction_axis"), 0)), node.output());
        }
    }
}
