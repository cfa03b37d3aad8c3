package org.layerloom.engine.inspect;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.List;
import org.layerloom.engine.graph.LayerKind;

/**
 * Reads learned weights as pictures: a Conv2D node's filters ({@link FilterBank}, the first one's by
 * default) and a Dense node's weight matrix ({@link WeightMatrix}). Copies the numbers out and creates no
 * engine arrays. Thread: that of its {@link InspectedModel}.
 */
public final class WeightViews {

    private final InspectedModel model;

    public WeightViews(InspectedModel model) {
        this.model = model;
    }

    /** The filters of the first Conv2D node. */
    public FilterBank firstConvFilters() {
        List<String> convs = model.nodesOfKind(LayerKind.CONV2D);
        if (convs.isEmpty()) {
            throw new IllegalStateException("the network has no Conv2D layer");
        }
        return filters(convs.get(0));
    }

    /** The filters of Conv2D node {@code nodeId}. */
    public FilterBank filters(String nodeId) {
        require(nodeId, LayerKind.CONV2D);
        NDArray weight = weightOf(nodeId);
        long[] s = weight.getShape().getShape();
        float[] values = weight.toFloatArray();
        return new FilterBank(nodeId, (int) s[0], (int) s[1], (int) s[2], (int) s[3], values, ArrayStats.of(values));
    }

    /** The weight matrix of Dense node {@code nodeId}. */
    public WeightMatrix denseWeights(String nodeId) {
        require(nodeId, LayerKind.DENSE);
        NDArray weight = weightOf(nodeId);
        long[] s = weight.getShape().getShape();
        float[] values = weight.toFloatArray();
        return new WeightMatrix(nodeId, (int) s[0], (int) s[1], values, ArrayStats.of(values));
    }

    private void require(String nodeId, LayerKind kind) {
        if (model.node(nodeId).kind() != kind) {
            throw new IllegalArgumentException("node '" + nodeId + "' is a " + model.node(nodeId).kind().id()
                    + ", not a " + kind.id());
        }
    }

    private NDArray weightOf(String nodeId) {
        for (Pair<String, Parameter> pair : model.block().nodeBlock(nodeId).orElseThrow().getParameters()) {
            if (pair.getKey().endsWith("weight")) {
                return pair.getValue().getArray();
            }
        }
        throw new IllegalStateException("node '" + nodeId + "' has no weights");
    }
}
