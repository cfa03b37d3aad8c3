package org.layerloom.engine.export.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import onnx.Onnx.ModelProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;
import org.layerloom.engine.compress.ActivationRange;
import org.layerloom.engine.export.ExportedQuantization;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;

/**
 * Builds the ONNX model (opset 17, IR version 8) of a valid graph with its weights inside as
 * initializers. The graph input is {@code input} (float, or int64 token ids), with a free batch axis;
 * every node's output value is named by its node id. The model's outputs are the Output node's value
 * (the raw scores, as the engine's network gives them) and, for classifiers, {@code probabilities} as
 * the engine computes them at inference (softmax over the classes; for one sigmoid score, the two
 * columns 1 − p and p). For checking, every node's value can be made a graph output too. Nodes run in
 * the engine's order: the nodes the Output depends on, as the topology orders them. Stateless; any
 * thread.
 */
final class OnnxModelWriter {

    static final int OPSET = 17;
    static final int IR_VERSION = 8;
    static final String INPUT = "input";
    static final String PROBABILITIES = "probabilities";
    private static final String BATCH = "batch";

    private final OnnxConverters converters;

    OnnxModelWriter(OnnxConverters converters) {
        this.converters = converters;
    }

    /**
     * @param weights           every weight of the graph by PyTorch {@code state_dict} name
     * @param everyNodeAsOutput whether every node's value is a graph output (for checking node by node)
     */
    ModelProto write(ValidationReport report, Map<String, WeightTensor> weights, boolean everyNodeAsOutput) {
        return write(report, weights, everyNodeAsOutput, null);
    }

    /**
     * As {@link #write(ValidationReport, Map, boolean)}, for an int8 variant when {@code quantization} is not null:
     * its quantized weights go in as int8 through {@code DequantizeLinear}, and each node with a range has its
     * output rounded to 8 bits ({@link QdqConverters}) before the next nodes read it, so the node's value (its id)
     * is the rounded one.
     */
    ModelProto write(ValidationReport report, Map<String, WeightTensor> weights, boolean everyNodeAsOutput,
                     ExportedQuantization quantization) {
        Map<String, Int8Tensor> int8 = new HashMap<>();
        Map<String, ActivationRange> ranges = quantization == null ? Map.of() : quantization.activations();
        if (quantization != null) {
            quantization.weights().forEach((name, q) -> int8.put(name,
                    new Int8Tensor(q.weight().shape(), q.levels(), q.scales(), 0)));
        }
        NetworkGraph graph = report.graph();
        OnnxGraph onnx = new OnnxGraph("layerloom");
        List<Node> order = runningOrder(report);
        Node input = order.get(0);
        Node output = order.get(order.size() - 1);
        onnx.input(valueInfo(INPUT, report.outputOf(input.id()).orElseThrow()));
        for (Node node : order) {
            List<String> sources = node.kind() == LayerKind.INPUT ? List.of(INPUT)
                    : graph.wiresInto(node.id()).stream().map(w -> w.from().nodeId()).toList();
            ActivationRange range = ranges.get(node.id());
            String value = range == null ? node.id() : onnx.value(node.id(), "unrounded");
            NodeInput in = new NodeInput(node, report.node(node.id()).orElseThrow(), sources, weights, value, int8);
            converters.of(node.kind()).orElseThrow(() -> new IllegalArgumentException(
                    node.kind().id() + " cannot be exported to ONNX")).convert(in, onnx);
            if (range != null) {
                QdqConverters.rounding(onnx, node.id(), value, node.id(), range);
            }
        }
        TensorShape scores = report.outputOf(output.id()).orElseThrow();
        onnx.output(valueInfo(output.id(), scores));
        probabilities(onnx, output, scores);
        if (everyNodeAsOutput) {
            for (Node node : order) {
                if (node != output) {
                    onnx.output(valueInfo(node.id(), report.outputOf(node.id()).orElseThrow()));
                }
            }
        }
        return ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("LayerLoom")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(onnx.build()).build();
    }

    /** The Input node first, then every node the Output depends on in the topology's order, the Output last. */
    static List<Node> runningOrder(ValidationReport report) {
        NetworkGraph graph = report.graph();
        Node output = graph.nodesOfKind(LayerKind.OUTPUT).get(0);
        Set<String> needed = report.topology().upstreamOf(output.id());
        List<Node> order = new ArrayList<>();
        for (String id : report.topology().order()) {
            if (needed.contains(id) || id.equals(output.id())) {
                order.add(graph.requireNode(id));
            }
        }
        return order;
    }

    private static void probabilities(OnnxGraph onnx, Node output, TensorShape scores) {
        String loss = output.params().choice("loss");
        if ("softmax_cross_entropy".equals(loss)) {
            onnx.op("Softmax", List.of(output.id()), PROBABILITIES, OnnxGraph.integer("axis", -1));
            onnx.output(valueInfo(PROBABILITIES, scores));
        } else if ("sigmoid_binary_cross_entropy".equals(loss)) {
            String column = onnx.value(PROBABILITIES, "score_column");
            onnx.op("Reshape", List.of(output.id(), onnx.longs(onnx.value(PROBABILITIES, "shape"), -1, 1)), column);
            String p = onnx.value(PROBABILITIES, "p");
            onnx.op("Sigmoid", List.of(column), p);
            String q = onnx.value(PROBABILITIES, "one_minus_p");
            onnx.op("Sub", List.of(onnx.scalar(onnx.value(PROBABILITIES, "one"), 1f), p), q);
            onnx.op("Concat", List.of(q, p), PROBABILITIES, OnnxGraph.integer("axis", 1));
            onnx.output(valueInfo(PROBABILITIES, TensorShape.of(2)));
        }
    }

    private static ValueInfoProto valueInfo(String name, TensorShape shape) {
        TensorShapeProto.Builder dims = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
        for (int d : shape.dims()) {
            dims.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        int type = shape.isTokenIds() ? TensorProto.DataType.INT64_VALUE : TensorProto.DataType.FLOAT_VALUE;
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type).setShape(dims))).build();
    }
}
