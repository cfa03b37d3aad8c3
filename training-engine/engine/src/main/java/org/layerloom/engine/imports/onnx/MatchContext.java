package org.layerloom.engine.imports.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import onnx.Onnx.NodeProto;
import org.layerloom.engine.graph.TensorShape;

/**
 * What a {@link LayerPattern} may ask about the ONNX graph while the import walks it: nodes, constants
 * (folding them on demand), which nodes read a value, which nodes are already imported, the shapes of
 * values the imported layers make, and whether two ONNX nodes may belong to one layer. In a file that
 * LayerLoom exported, every ONNX node is named after the LayerLoom node it computes ({@code dense1},
 * {@code dense1/matmul}); then one layer is exactly the nodes of one name group, so a layer and a
 * separate activation layer after it stay apart. Made per import; one thread.
 */
final class MatchContext {

    private final OnnxValues values;
    private final ConstantFolder folder;
    private final GraphAssembly assembly;
    private final boolean ownExport;
    private final InputSpec input;
    private final long opset;
    private final boolean[] consumed;
    private final Map<String, List<Integer>> groups = new LinkedHashMap<>();

    MatchContext(OnnxValues values, InputSpec input, GraphAssembly assembly, boolean ownExport, long opset) {
        this.values = values;
        this.opset = opset;
        this.input = input;
        this.assembly = assembly;
        this.ownExport = ownExport;
        this.consumed = new boolean[values.size()];
        this.folder = new ConstantFolder(values, this::fullShape);
        for (int i = 0; i < values.size(); i++) {
            groups.computeIfAbsent(group(i), g -> new ArrayList<>()).add(i);
        }
    }

    OnnxValues values() {
        return values;
    }

    ConstantFolder folder() {
        return folder;
    }

    GraphAssembly assembly() {
        return assembly;
    }

    InputSpec input() {
        return input;
    }

    /** The model's default-domain opset version (some operators' defaults changed with it). */
    long opset() {
        return opset;
    }

    boolean ownExport() {
        return ownExport;
    }

    NodeProto node(int index) {
        return values.node(index);
    }

    String op(int index) {
        return values.node(index).getOpType();
    }

    boolean isConsumed(int index) {
        return consumed[index];
    }

    void consume(List<Integer> nodes) {
        nodes.forEach(n -> consumed[n] = true);
    }

    Optional<Tensor> constant(String value) {
        return value.isEmpty() ? Optional.empty() : folder.constant(value);
    }

    boolean isConstant(String value) {
        return constant(value).isPresent();
    }

    /** Input {@code k} of the node as a constant, if it has one and it is constant. */
    Optional<Tensor> constantInput(int node, int k) {
        NodeProto n = node(node);
        return k < n.getInputCount() ? constant(n.getInput(k)) : Optional.empty();
    }

    /** The inputs of a node that are not constants, in order. */
    List<String> dataInputs(int node) {
        return node(node).getInputList().stream().filter(v -> !v.isEmpty() && !isConstant(v)).toList();
    }

    /** The LayerLoom node id group of an ONNX node in a LayerLoom export: its name up to the first '/'. */
    String group(int index) {
        if (!ownExport) {
            return "";
        }
        String name = values.nameOf(index);
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    /** Every ONNX node of the anchor's name group, in file order (a LayerLoom export only). */
    List<Integer> groupOf(int anchor) {
        return groups.get(group(anchor));
    }

    /** Whether {@code other} is still free and may belong to the same layer as {@code anchor}. */
    boolean joinable(int anchor, int other) {
        return !consumed[other] && (!ownExport || group(anchor).equals(group(other)));
    }

    /**
     * The one node that reads {@code value}, when it is the only reader, may join {@code anchor}'s layer,
     * and is one of {@code ops}; a value that is a graph output is not followed in a foreign file.
     */
    Optional<Integer> follower(int anchor, String value, String... ops) {
        List<Integer> readers = values.consumers(value);
        if (readers.size() != 1 || (!ownExport && values.isGraphOutput(value))) {
            return Optional.empty();
        }
        int r = readers.get(0);
        return joinable(anchor, r) && Arrays.asList(ops).contains(op(r)) ? Optional.of(r) : Optional.empty();
    }

    /** The nodes that read {@code value}. */
    List<Integer> readers(String value) {
        return values.consumers(value);
    }

    /** The LayerLoom shape (without the batch axis) of a value an imported layer makes. */
    Optional<TensorShape> shapeOf(String value) {
        return assembly.shapeOf(value);
    }

    /** The shape with the batch axis as {@link Tensor#BATCH}, for folding {@code Shape}. */
    private Optional<long[]> fullShape(String value) {
        return shapeOf(value).map(s -> {
            long[] dims = new long[s.rank() + 1];
            dims[0] = Tensor.BATCH;
            for (int i = 0; i < s.rank(); i++) {
                dims[i + 1] = s.dim(i);
            }
            return dims;
        });
    }
}
