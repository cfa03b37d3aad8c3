package org.layerloom.engine.imports.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import onnx.Onnx.GraphProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;

/**
 * The index of one ONNX graph that the import walks: its operator nodes in file order, which node makes
 * and which nodes read each value, the graph's inputs and outputs, and its constants (initializers, then
 * values folded by {@link ConstantFolder}). Checks while indexing that every value is made once and
 * that every node reads only values made before it (ONNX requires a topological order). Made per import;
 * one thread.
 */
final class OnnxValues {

    private final List<NodeProto> nodes;
    private final Map<String, Integer> producers = new HashMap<>();
    private final Map<String, List<Integer>> consumers = new HashMap<>();
    private final Map<String, Tensor> constants = new LinkedHashMap<>();
    private final List<String> inputs = new ArrayList<>();
    private final List<String> outputs;

    OnnxValues(GraphProto graph) throws ImportFailure {
        this.nodes = graph.getNodeList();
        for (TensorProto initializer : graph.getInitializerList()) {
            if (initializer.getName().isEmpty()) {
                throw new ImportFailure("an initializer has no name; the file is damaged.");
            }
            constants.put(initializer.getName(), Tensors.decode(initializer, initializer.getName()));
        }
        Set<String> known = new HashSet<>(constants.keySet());
        for (var input : graph.getInputList()) {
            if (!constants.containsKey(input.getName())) {
                inputs.add(input.getName());
                known.add(input.getName());
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            NodeProto node = nodes.get(i);
            for (String in : node.getInputList()) {
                if (in.isEmpty()) {
                    continue;
                }
                if (!known.contains(in)) {
                    throw new ImportFailure(nameOf(i), node.getOpType(), "reads the value '" + in + "', which no"
                            + " node, input or initializer of the file makes before it (a missing initializer, or"
                            + " nodes out of order); the file is damaged or incomplete.");
                }
                consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(i);
            }
            for (String out : node.getOutputList()) {
                if (out.isEmpty()) {
                    continue;
                }
                if (!known.add(out)) {
                    throw new ImportFailure(nameOf(i), node.getOpType(), "makes the value '" + out
                            + "', which is already made elsewhere; the file is damaged.");
                }
                producers.put(out, i);
            }
        }
        this.outputs = graph.getOutputList().stream().map(o -> o.getName()).toList();
        for (String out : outputs) {
            if (!known.contains(out)) {
                throw new ImportFailure("the graph output '" + out + "' is made by no node; the file is damaged.");
            }
        }
    }

    int size() {
        return nodes.size();
    }

    NodeProto node(int index) {
        return nodes.get(index);
    }

    /** The node's name as the report shows it: its name, else its first output. */
    String nameOf(int index) {
        NodeProto node = nodes.get(index);
        if (!node.getName().isEmpty()) {
            return node.getName();
        }
        return node.getOutputCount() > 0 ? node.getOutput(0) : node.getOpType() + "#" + index;
    }

    Optional<Integer> producer(String value) {
        return Optional.ofNullable(producers.get(value));
    }

    List<Integer> consumers(String value) {
        return consumers.getOrDefault(value, List.of());
    }

    /** The graph inputs that are not initializers, in file order. */
    List<String> inputs() {
        return inputs;
    }

    List<String> outputs() {
        return outputs;
    }

    boolean isGraphOutput(String value) {
        return outputs.contains(value);
    }

    Optional<Tensor> knownConstant(String value) {
        return Optional.ofNullable(constants.get(value));
    }

    void putConstant(String value, Tensor tensor) {
        constants.put(value, tensor);
    }
}
