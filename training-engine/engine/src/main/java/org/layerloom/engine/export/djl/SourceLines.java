package org.layerloom.engine.export.djl;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.layerloom.engine.graph.NodeReport;

/**
 * The lines of the generated {@code Network.java} as its parts are written, node by node: the fields (one per
 * layer that is a block), {@code initialize}, {@code load} and {@code forward}; and the helper classes the
 * network needs beside it ({@code IdEmbedding}, {@code PositionalEncoding}, {@code PostNormEncoder}). Also the
 * small pieces of Java that several kinds write. Made and used by one {@link NetworkSource#of} call.
 */
final class SourceLines {

    final List<String> fields = new ArrayList<>();
    final List<String> init = new ArrayList<>();
    final List<String> load = new ArrayList<>();
    final List<String> forward = new ArrayList<>();
    /** The generated helper classes used, by simple name, in first-use order. */
    final java.util.Set<String> helperClasses = new java.util.LinkedHashSet<>();

    /** A field {@code final TYPE id = creation;} under its comment, initialised with the shape it receives. */
    void block(String comment, String type, String id, String creation, NodeReport report) {
        fields.add(comment);
        fields.add("final " + type + " " + id + " = " + creation + ";");
        init.add(id + ".initialize(manager, DataType.FLOAT32, " + batchOfOne(report) + ");");
    }

    /** A load line copying the weight {@code id.torchName} into the block's parameter {@code djlName}. */
    void weight(String id, String torchName, String djlName) {
        load.add("weights.copyInto(\"" + id + "." + torchName + "\", " + id + ".getParameters().get(\"" + djlName
                + "\"));");
    }

    /** The shape one example arriving at the node has, as a batch of one. */
    static String batchOfOne(NodeReport report) {
        return "new Shape(1, " + report.inputs().get(0).dims().stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + ")";
    }

    /** A field's comment followed by a second comment line with a note on how the layer is written. */
    static String noted(String comment, String note) {
        return comment + "\n    // " + note;
    }

    /** {@code run(this.id, store, from)}: the block's output outside training. */
    static String run(String id, String from) {
        return "run(this." + id + ", store, " + from + ")";
    }

    static String floatLiteral(float value) {
        return Float.toString(value) + "f";
    }
}
