package org.layerloom.engine.compile;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A block without parameters that applies one {@link ArrayFunction} (activation, flatten, reshape,
 * pooling). Unlike DJL's {@code LambdaBlock} it knows its output shape without running the function on
 * zeros. Built by the compiler; used on one training worker thread.
 */
final class FunctionBlock extends AbstractBlock {

    private final ArrayFunction function;

    FunctionBlock(ArrayFunction function) {
        this.function = function;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(function.apply().apply(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {function.shape().apply(inputShapes[0])};
    }

    @Override
    public boolean isInitialized() {
        return inputShapes != null;
    }

    @Override
    public String toString() {
        return function.name() + "()";
    }
}
