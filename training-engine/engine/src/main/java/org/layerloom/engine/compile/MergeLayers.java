package org.layerloom.engine.compile;

import ai.djl.nn.Block;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;

/** Blocks for Add and Concatenate nodes, which take their inputs in wire order. Stateless. */
final class MergeLayers {

    private MergeLayers() {
    }

    static Block add() {
        return MergeBlock.sum();
    }

    /** The graph counts axes without the batch and −1 as the last; DJL counts the batch as axis 0. */
    static Block concatenate(Node node, NodeReport report) {
        int rank = report.output().orElseThrow().rank();
        int axis = node.params().intValue(ParamNames.AXIS);
        return MergeBlock.concat((axis < 0 ? rank + axis : axis) + 1);
    }
}
