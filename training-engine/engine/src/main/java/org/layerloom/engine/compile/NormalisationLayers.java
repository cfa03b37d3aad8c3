package org.layerloom.engine.compile;

import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.LayerNorm;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;
import org.layerloom.engine.graph.TensorShape;

/** Blocks for BatchNorm and LayerNorm nodes. Stateless. */
final class NormalisationLayers {

    private NormalisationLayers() {
    }

    /**
     * DJL's {@code BatchNorm} over the channels of feature maps (axis 1) or the last axis otherwise
     * (features of vectors, axis 1; of sequences, axis 2). The graph's momentum follows PyTorch (weight of
     * the new batch, 0.1); DJL's is the weight of the old running value, so it gets {@code 1 − momentum}.
     */
    static Block batchNorm(Node node, NodeReport report) {
        TensorShape in = report.inputs().get(0);
        float momentum = (float) node.params().realValue(ParamNames.MOMENTUM);
        return BatchNorm.builder().optAxis(in.isImage() ? 1 : in.rank()).optMomentum(1f - momentum)
                .optEpsilon((float) node.params().realValue(ParamNames.EPSILON)).build();
    }

    /** DJL's {@code LayerNorm} over the last axis, or over all of (C, H, W) for feature maps. */
    static Block layerNorm(Node node, NodeReport report) {
        TensorShape in = report.inputs().get(0);
        int[] axes = in.isImage() ? new int[] {1, 2, 3} : new int[] {in.rank()};
        return LayerNorm.builder().axis(axes).optEpsilon((float) node.params().realValue(ParamNames.EPSILON))
                .build();
    }
}
