package org.layerloom.engine.imports.onnx;

import java.util.List;
import java.util.Optional;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.NodeProto;

/** Reads the attributes of an ONNX node by name, with defaults. Stateless. */
final class Attributes {

    private Attributes() {
    }

    static Optional<AttributeProto> find(NodeProto node, String name) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst();
    }

    static long integer(NodeProto node, String name, long fallback) {
        return find(node, name).map(AttributeProto::getI).orElse(fallback);
    }

    static float real(NodeProto node, String name, float fallback) {
        return find(node, name).map(AttributeProto::getF).orElse(fallback);
    }

    static Optional<List<Long>> ints(NodeProto node, String name) {
        return find(node, name).map(AttributeProto::getIntsList);
    }

    static String text(NodeProto node, String name, String fallback) {
        return find(node, name).map(a -> a.getS().toStringUtf8()).orElse(fallback);
    }

    static List<String> texts(NodeProto node, String name) {
        return find(node, name).map(a -> a.getStringsList().stream().map(s -> s.toStringUtf8()).toList())
                .orElse(List.of());
    }

    /** Whether the {@code ints} attribute holds exactly {@code expected} (absent counts as {@code absent}). */
    static boolean intsAre(NodeProto node, String name, List<Long> absent, Long... expected) {
        return ints(node, name).orElse(absent).equals(List.of(expected));
    }

    /** A float attribute as the decimal number a student typed: 1e-3f reads back as 0.001, not 0.0010000000474. */
    static double decimal(float value) {
        return Double.parseDouble(Float.toString(value));
    }
}
