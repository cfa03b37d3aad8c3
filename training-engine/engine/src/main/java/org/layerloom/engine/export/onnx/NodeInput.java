package org.layerloom.engine.export.onnx;

import java.util.List;
import java.util.Map;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;
import org.layerloom.engine.graph.TensorShape;

/**
 * What a converter knows about the node it converts: the node, its validation result (the shapes
 * arriving and leaving, without the batch axis), the ONNX names of its input values in wire order, and
 * the weights by {@code state_dict} name. The node's own output value is named by its node id. Made per
 * node by {@link OnnxModelWriter}; one thread.
 */
record NodeInput(Node node, NodeReport report, List<String> inputs, Map<String, WeightTensor> weights) {

    String id() {
        return node.id();
    }

    /** The value name of this node's output: the node id. */
    String output() {
        return node.id();
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
