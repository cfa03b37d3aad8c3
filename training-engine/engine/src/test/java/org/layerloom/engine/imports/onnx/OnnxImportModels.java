package org.layerloom.engine.imports.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;
import org.layerloom.engine.export.ExportedNetwork;
import org.layerloom.engine.export.ReferenceOutputs;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ValidationReport;

/**
 * Builds small ONNX models by hand, as other exporters write them, with the generated protobuf builders,
 * and compares what ONNX Runtime computes for a model with what the engine computes for its import.
 * Test code only; one thread.
 */
final class OnnxImportModels {

    static final int OPSET = 17;

    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("foreign");
    private final Random random = new Random(5);
    private int opset = OPSET;
    private String producer = "foreign-exporter";

    /** A float32 input of shape (batch, dims…). */
    OnnxImportModels input(String name, long... dims) {
        graph.addInput(info(name, TensorProto.DataType.FLOAT_VALUE, dims));
        return this;
    }

    /** A float32 input of the fixed shape (batch, dims…), as a static export writes it. */
    OnnxImportModels fixedInput(String name, long batch, long... dims) {
        ValueInfoProto.Builder info = info(name, TensorProto.DataType.FLOAT_VALUE, dims).toBuilder();
        info.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder()
                .setDim(0, TensorShapeProto.Dimension.newBuilder().setDimValue(batch));
        graph.addInput(info);
        return this;
    }

    OnnxImportModels output(String name, long... dims) {
        graph.addOutput(info(name, TensorProto.DataType.FLOAT_VALUE, dims));
        return this;
    }

    /** A float initializer with seeded values in ±0.5. */
    String weight(String name, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextDouble() - 0.5);
        }
        return floats(name, shape, v);
    }

    String floats(String name, long[] shape, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(b.array()));
        for (long d : shape) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    String scalar(String name, float value) {
        return floats(name, new long[0], value);
    }

    String longs(String name, long... values) {
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length).addAllInt64Data(java.util.Arrays.stream(values).boxed().toList()));
        return name;
    }

    /** An int64 scalar as a {@code Constant} node, as exporters write gather indices. */
    String constantScalar(String name, long value) {
        TensorProto t = TensorProto.newBuilder().setDataType(TensorProto.DataType.INT64_VALUE).addInt64Data(value).build();
        return node("Constant", name, List.of(), AttributeProto.newBuilder().setName("value")
                .setType(AttributeProto.AttributeType.TENSOR).setT(t).build());
    }

    /** One node named {@code name} with a single output of the same name. */
    String node(String op, String name, List<String> inputs, AttributeProto... attributes) {
        return node(op, name, inputs, List.of(name), attributes);
    }

    String node(String op, String name, List<String> inputs, List<String> outputs, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addAllOutput(outputs);
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
        return outputs.get(0);
    }

    OnnxImportModels opset(int version) {
        opset = version;
        return this;
    }

    OnnxImportModels producer(String name) {
        producer = name;
        return this;
    }

    GraphProto.Builder graph() {
        return graph;
    }

    ModelProto model() {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName(producer)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(graph).build();
    }

    byte[] bytes() {
        return model().toByteArray();
    }

    static AttributeProto ints(String name, long... values) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS)
                .addAllInts(java.util.Arrays.stream(values).boxed().toList()).build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto text(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    static ValueInfoProto info(String name, int type, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape))).build();
    }

    /** The kinds of the imported graph's nodes, in order. */
    static List<LayerKind> kinds(OnnxImport imported) {
        return imported.graph().orElseThrow().nodes().stream().map(Node::kind).toList();
    }

    /**
     * The largest difference between ONNX Runtime's first output for a seeded batch and the engine's
     * output of the imported graph with the imported weights.
     */
    static double largestDifference(byte[] model, OnnxImport imported, long... batchShape) throws Exception {
        Random random = new Random(11);
        int size = 1;
        for (long d : batchShape) {
            size *= (int) d;
        }
        float[] input = new float[size];
        for (int i = 0; i < size; i++) {
            input[i] = (float) random.nextGaussian();
        }
        float[] expected;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = env.createSession(model, options);
             OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), batchShape);
             OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), in))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            expected = new float[out.remaining()];
            out.get(expected);
        }
        NetworkGraph graph = imported.graph().orElseThrow();
        ValidationReport report = GraphValidator.standard().validate(graph);
        ExportedNetwork network = new ExportedNetwork("import", report, graph.nodes().stream().map(Node::id).toList(),
                imported.weights());
        String output = graph.nodesOfKind(LayerKind.OUTPUT).get(0).id();
        float[] actual = ReferenceOutputs.of(network, new ReferenceOutputs.Batch(batchShape, input, false)).get(output);
        if (actual == null || actual.length != expected.length) {
            return Double.POSITIVE_INFINITY;
        }
        double largest = 0;
        for (int i = 0; i < actual.length; i++) {
            largest = Math.max(largest, Math.abs((double) actual[i] - expected[i]));
        }
        return largest;
    }
}
