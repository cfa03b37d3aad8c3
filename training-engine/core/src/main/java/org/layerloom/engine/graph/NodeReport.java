package org.layerloom.engine.graph;

import java.util.List;
import java.util.Optional;

/**
 * What validation found for one node: the shapes arriving at it, the shape it produces (for the
 * Output node, the prediction it receives) and its number of trainable parameters. The output is
 * empty when the node or something before it has a problem. Immutable; any thread.
 */
public record NodeReport(String nodeId, List<TensorShape> inputs, Optional<TensorShape> output, long parameters) {

    public NodeReport {
        inputs = List.copyOf(inputs);
    }

    public boolean resolved() {
        return output.isPresent();
    }
}
