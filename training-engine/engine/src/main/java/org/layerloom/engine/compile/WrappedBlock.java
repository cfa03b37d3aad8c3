package org.layerloom.engine.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One DJL block with parameter-free functions around it, so that a graph node stays one child: a
 * Dense followed by its activation, a Conv1d between two transposes, a recurrent layer followed by
 * "keep the last step". Built by the compiler; used on one training worker thread.
 */
final class WrappedBlock extends AbstractBlock {

    private final ArrayFunction before;
    private final Block inner;
    private final ArrayFunction after;

    /**
     * @param before applied to the input first, or null
     * @param name   the child name of {@code inner}
     * @param after  applied to the output of {@code inner}, or null
     */
    WrappedBlock(ArrayFunction before, String name, Block inner, ArrayFunction after) {
        this.before = before;
        this.inner = addChildBlock(name, inner);
        this.after = after;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (before != null) {
            x = before.apply().apply(x);
        }
        x = inner.forward(parameterStore, new NDList(x), training, params).singletonOrThrow();
        return new NDList(after == null ? x : after.apply().apply(x));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        inner.initialize(manager, dataType, innerInput(inputShapes[0]));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape out = inner.getOutputShapes(new Shape[] {innerInput(inputShapes[0])})[0];
        return new Shape[] {after == null ? out : after.shape().apply(out)};
    }

    private Shape innerInput(Shape input) {
        return before == null ? input : before.shape().apply(input);
    }

    /** Cheaper than the inherited check, which builds every prefixed parameter name on each forward. */
    @Override
    public boolean isInitialized() {
        return inputShapes != null && inner.isInitialized();
    }
}
