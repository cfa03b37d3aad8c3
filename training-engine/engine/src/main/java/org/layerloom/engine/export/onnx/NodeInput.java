package org.layerloom.engine.export.onnx;

import java.util.List;
import java.util.Map;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;
import org.layerloom.engine.graph.TensorShape;

/**
 * What a converter knows about the node it converts: the node, its validation result (the shapes
 * arriving and leaving, without the batch axis), the ONNX names of its input values in wire order, and
 * the weights by {@code state_dict} name (and the int8 ones of an int8 variant). Made per
 * node by {@link OnnxModelWriter}; one thread.
 */
record NodeInput(Node node, NodeReport report, List<String> inputs, Map<String, WeightTensor> weights,
                 String output, Map<String, Int8Tensor> int8Weights) {

    /** A node of a float network, writing its output under its node id. */
    NodeInput(Node node, NodeReport report, List<String> inputs, Map<String, WeightTensor> weights) {
        this(node, report, inputs, weights, node.id(), Map.of());
    }

    String id() {
        return node.id();
    }

    /**
     * The value name of this node's output: the node id, or for a node whose output is then rounded to 8 bits
     * the name of the value before the rounding.
     */
    @Override
    public String output() {
        return output;
    }

    /** The int8 form of weight {@code <nodeId>.<torchName>}, where it is quantized. */
    java.util.Optional<Int8Tensor> int8(String torchName) {
        return java.util.Optional.ofNullable(int8Weights.get(id() + "." + torchName));
    }

    String input() {
        return inputs.get(0);
    }

    TensorShape inputShape() {
        return report.inputs().get(0);
    }

    TensorShape outputShape() {
        return report.output().orElseThrow();
    }

    /** The weight {@code <nodeId>.<torchName>}. */
    WeightTensor weight(String torchName) {
        WeightTensor w = weights.get(id() + "." + torchName);
        if (w == null) {
            throw new IllegalArgumentException("no weight " + id() + "." + torchName + " to export");
        }
        return w;
    }

    boolean hasWeight(String torchName) {
        return weights.containsKey(id() + "." + torchName);
    }

    int intParam(String name) {
        return node.params().intValue(name);
    }

    float realParam(String name) {
        return (float) node.params().realValue(name);
    }
}
