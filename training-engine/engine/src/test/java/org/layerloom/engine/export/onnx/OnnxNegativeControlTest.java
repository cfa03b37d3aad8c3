package org.layerloom.engine.export.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layerloom.engine.graph.LayerKind.*;
import static org.layerloom.engine.testing.GraphBuilder.layer;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.testing.GraphBuilder;

/**
 * The traps of the ONNX target, sprung on purpose: an exported model changed back to each mistake must
 * fail the node-by-node comparison at the node concerned (while the export as written agrees), so the
 * comparison is known to catch them. Prints each control's difference.
 */
class OnnxNegativeControlTest {

    private static final NetworkGraph LSTM_GRAPH = GraphBuilder.chainOf(TensorShape.of(7, 3), "mse",
            layer(LSTM, "units", 5, "return_sequences", true), layer(FLATTEN), layer(DENSE, "units", 2));
    private static final NetworkGraph GRU_GRAPH = GraphBuilder.chainOf(TensorShape.of(7, 3), "mse",
            layer(GRU, "units", 5, "return_sequences", true), layer(FLATTEN), layer(DENSE, "units", 2));
    private static final NetworkGraph PADDED_POOL_GRAPH = GraphBuilder.chainOf(TensorShape.of(2, 6, 6), "mse",
            layer(AVG_POOL2D, "pool", 3, "stride", 1, "padding", 1), layer(FLATTEN), layer(DENSE, "units", 2));

    @Test
    void an_lstm_exported_without_the_gate_reorder_fails_the_comparison() throws Exception {
        assertFailsOnlyWhenChanged("LSTM in PyTorch's gate order i,f,g,o", LSTM_GRAPH, "lstm1",
                undoGateOrder("lstm1", 4, RecurrentConverters.LSTM_ORDER));
    }

    @Test
    void a_gru_exported_without_the_gate_reorder_fails_the_comparison() throws Exception {
        assertFailsOnlyWhenChanged("GRU in PyTorch's gate order r,z,n", GRU_GRAPH, "gru1",
                undoGateOrder("gru1", 3, RecurrentConverters.GRU_ORDER));
    }

    @Test
    void a_gru_exported_with_linear_before_reset_0_fails_the_comparison() throws Exception {
        assertFailsOnlyWhenChanged("GRU with linear_before_reset=0", GRU_GRAPH, "gru1",
                attribute("GRU", "linear_before_reset", 0));
    }

    @Test
    void an_average_pool_without_padded_zeros_in_the_average_fails_the_comparison() throws Exception {
        assertFailsOnlyWhenChanged("AveragePool count_include_pad=0, padded", PADDED_POOL_GRAPH, "avgpool2d1",
                attribute("AveragePool", "count_include_pad", 0));
    }

    private static void assertFailsOnlyWhenChanged(String control, NetworkGraph graph, String nodeId,
                                                   UnaryOperator<ModelProto> mistake) throws Exception {
        OnnxAgreement.Result right = OnnxAgreement.compare(control, graph, 5);
        OnnxAgreement.Result wrong = OnnxAgreement.compare(control, graph, 5, mistake);
        OnnxAgreement.NodeDifference at = wrong.nodes().stream().filter(d -> d.nodeId().equals(nodeId)).findFirst()
                .orElseThrow();
        System.out.printf("negative control %-42s %s: %.3e (tolerance %.1e; as exported %.3e)%n", control, nodeId,
                at.largest(), at.tolerance(), right.largest());
        assertThat(right.disagreeing()).as("the export as written").isEmpty();
        assertThat(at.agrees()).as("%s at %s", control, nodeId).isFalse();
        assertThat(wrong.disagreeing().get(0).nodeId()).as("the first node that differs").isEqualTo(nodeId);
    }

    /** Puts the recurrent weights of {@code nodeId} back into PyTorch's gate order. */
    private static UnaryOperator<ModelProto> undoGateOrder(String nodeId, int gates, int[] order) {
        int[] inverse = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            inverse[order[i]] = i;
        }
        return model -> {
            GraphProto.Builder graph = model.getGraph().toBuilder();
            for (TensorProto.Builder t : graph.getInitializerBuilderList()) {
                String name = t.getName();
                if (name.equals(nodeId + "/W") || name.equals(nodeId + "/R")) {
                    t.setRawData(floats(reorder(floats(t.getRawData()), gates, inverse)));
                } else if (name.equals(nodeId + "/B")) {
                    float[] b = floats(t.getRawData());
                    int half = b.length / 2;
                    float[] input = reorder(Arrays.copyOfRange(b, 0, half), gates, inverse);
                    float[] recurrent = reorder(Arrays.copyOfRange(b, half, b.length), gates, inverse);
                    float[] both = Arrays.copyOf(input, b.length);
                    System.arraycopy(recurrent, 0, both, half, half);
                    t.setRawData(floats(both));
                }
            }
            return model.toBuilder().setGraph(graph).build();
        };
    }

    private static float[] reorder(float[] values, int gates, int[] order) {
        return new WeightTensor(new long[] {gates, values.length / gates}, values).blocksReordered(gates, order).values();
    }

    /** Sets attribute {@code name} of every {@code opType} node to {@code value}. */
    private static UnaryOperator<ModelProto> attribute(String opType, String name, long value) {
        return model -> {
            GraphProto.Builder graph = model.getGraph().toBuilder();
            int changed = 0;
            for (NodeProto.Builder node : graph.getNodeBuilderList()) {
                if (node.getOpType().equals(opType)) {
                    List<AttributeProto> others = node.getAttributeList().stream()
                            .filter(a -> !a.getName().equals(name)).toList();
                    node.clearAttribute().addAllAttribute(others).addAttribute(OnnxGraph.integer(name, value));
                    changed++;
                }
            }
            assertThat(changed).as("%s nodes", opType).isPositive();
            return model.toBuilder().setGraph(graph).build();
        };
    }

    private static float[] floats(ByteString raw) {
        float[] v = new float[raw.size() / Float.BYTES];
        raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    private static ByteString floats(float[] v) {
        ByteBuffer bytes = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(v);
        return ByteString.copyFrom(bytes.array());
    }
}
