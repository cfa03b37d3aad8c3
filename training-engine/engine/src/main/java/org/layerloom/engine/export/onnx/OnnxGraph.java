package org.layerloom.engine.export.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.ValueInfoProto;

/**
 * The ONNX graph being written: operator nodes in the order they are added (which is a valid
 * topological order, since each converter only reads values made before it), initializers, inputs and
 * outputs. Every value name is used once; {@link #value} makes a name for a node's intermediate value
 * from its node id, so that a node's own output keeps the plain node id. Made and used by one
 * {@link OnnxModelWriter} call; not thread-safe.
 */
final class OnnxGraph {

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();
    /** Names handed out by {@link #value} and not yet written. */
    private final Set<String> reserved = new HashSet<>();
    private final List<ValueInfoProto> outputs = new ArrayList<>();

    OnnxGraph(String name) {
        graph.setName(name);
    }

    /** A fresh value name for step {@code step} inside node {@code nodeId}, such as {@code lstm1/ih}. */
    String value(String nodeId, String step) {
        String base = nodeId + "/" + step;
        String name = base;
        for (int i = 2; names.contains(name) || reserved.contains(name); i++) {
            name = base + i;
        }
        reserved.add(name);
        return name;
    }

    /** Adds one operator node; its outputs become known value names. */
    void op(String opType, List<String> inputs, String output, AttributeProto... attributes) {
        claim(output);
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(output)
                .addAllInput(inputs).addOutput(output);
        for (AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        graph.addNode(node);
    }

    /** Adds one operator node with several outputs (an empty name skips an optional output). */
    void op(String opType, List<String> inputs, List<String> outputs, AttributeProto... attributes) {
        outputs.stream().filter(o -> !o.isEmpty()).forEach(this::claim);
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType)
                .setName(outputs.stream().filter(o -> !o.isEmpty()).findFirst().orElseThrow())
                .addAllInput(inputs).addAllOutput(outputs);
        for (AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        graph.addNode(node);
    }

    /** A float initializer named {@code name} (claimed here); {@code values} in row-major order. */
    String floats(String name, long[] shape, float[] values) {
        claim(name);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long d : shape) {
            t.addDims(d);
        }
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        t.setRawData(ByteString.copyFrom(bytes.array()));
        graph.addInitializer(t);
        return name;
    }

    /** An initializer of one-byte values ({@code INT8} or {@code UINT8}) named {@code name} (claimed here). */
    String bytes(String name, int dataType, long[] shape, byte[] values) {
        claim(name);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(dataType);
        for (long d : shape) {
            t.addDims(d);
        }
        t.setRawData(ByteString.copyFrom(values));
        graph.addInitializer(t);
        return name;
    }

    /** A 1-D int64 initializer, for shapes, axes and perms given as inputs. */
    String longs(String name, long... values) {
        claim(name);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.INT64_VALUE).addDims(values.length);
        for (long v : values) {
            t.addInt64Data(v);
        }
        graph.addInitializer(t);
        return name;
    }

    /** A float scalar initializer. */
    String scalar(String name, float value) {
        return floats(name, new long[0], new float[] {value});
    }

    void input(ValueInfoProto input) {
        claim(input.getName());
        graph.addInput(input);
    }

    void output(ValueInfoProto output) {
        outputs.add(output);
    }

    GraphProto build() {
        return graph.clone().addAllOutput(outputs).build();
    }

    private void claim(String name) {
        reserved.remove(name);
        if (!names.add(name)) {
            throw new IllegalStateException("the ONNX value name " + name + " is used twice");
        }
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name)
                .setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value)
                .build();
    }

    static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value)
                .build();
    }

    static AttributeProto text(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto texts(String name, String... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name)
                .setType(AttributeProto.AttributeType.STRINGS);
        for (String v : values) {
            a.addStrings(ByteString.copyFromUtf8(v));
        }
        return a.build();
    }
}
