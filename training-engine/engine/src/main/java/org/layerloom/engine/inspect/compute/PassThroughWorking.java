package org.layerloom.engine.inspect.compute;

import java.util.Objects;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * Layers that move numbers without computing new ones when the network is used: Flatten and Reshape
 * (the same values in the same order, another shape) and Dropout (nothing is dropped outside training).
 * Immutable; any thread.
 *
 * @param outputShape the shape the values take
 */
public record PassThroughWorking(String nodeId, LayerKind kind, FloatTensor input, int[] outputShape)
        implements LayerWorking {

    public PassThroughWorking {
        Objects.requireNonNull(nodeId, "nodeId");
        outputShape = outputShape.clone();
    }

    @Override
    public int[] outputShape() {
        return outputShape.clone();
    }

    @Override
    public FloatTensor output() {
        return new FloatTensor(outputShape, input.values());
    }
}
