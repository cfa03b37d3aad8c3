package org.layerloom.engine.export.onnx;

import java.util.List;
import onnx.Onnx.TensorProto;
import org.layerloom.engine.compress.ActivationRange;

/**
 * The int8 parts of an int8 variant's model, in ONNX's QDQ form: a quantized weight as an int8 initializer with
 * per-output-channel float scales and zero points 0 through {@code DequantizeLinear}, and a node's 8-bit output
 * as a {@code QuantizeLinear}/{@code DequantizeLinear} pair (uint8, the recorded scale and zero point), the
 * rounding LayerLoom applies when it measures the variant. Run without graph optimizations, ONNX Runtime computes
 * these in float32 as LayerLoom does. Stateless.
 */
final class QdqConverters {

    private QdqConverters() {
    }

    /**
     * The value holding weight {@code torchName} of {@code node} as its operator reads it (transposed, for a
     * MatMul), named {@code name}: a float initializer, or the int8 one dequantized.
     */
    static String weight(NodeInput node, OnnxGraph graph, String torchName, String name, boolean transposed) {
        java.util.Optional<Int8Tensor> int8 = node.int8(torchName);
        if (int8.isEmpty()) {
            WeightTensor w = transposed ? node.weight(torchName).transposed() : node.weight(torchName);
            return graph.floats(name, w.shape(), w.values());
        }
        Int8Tensor q = transposed ? int8.get().transposed() : int8.get();
        String levels = graph.bytes(name + "_quantized", TensorProto.DataType.INT8_VALUE, q.shape(), q.levels());
        String scales = graph.floats(name + "_scale", new long[] {q.scales().length}, q.scales());
        String zeros = graph.bytes(name + "_zero_point", TensorProto.DataType.INT8_VALUE,
                new long[] {q.scales().length}, new byte[q.scales().length]);
        graph.op("DequantizeLinear", List.of(levels, scales, zeros), name, OnnxGraph.integer("axis", q.axis()));
        return name;
    }

    /** Rounds {@code in} to the 8-bit levels of {@code range}, writing {@code out}. */
    static void rounding(OnnxGraph graph, String nodeId, String in, String out, ActivationRange range) {
        String scale = graph.scalar(graph.value(nodeId, "output_scale"), range.scale());
        String zero = graph.bytes(graph.value(nodeId, "output_zero_point"), TensorProto.DataType.UINT8_VALUE,
                new long[0], new byte[] {(byte) range.zeroPoint()});
        String levels = graph.value(nodeId, "output_quantized");
        graph.op("QuantizeLinear", List.of(in, scale, zero), levels);
        graph.op("DequantizeLinear", List.of(levels, scale, zero), out);
    }
}
