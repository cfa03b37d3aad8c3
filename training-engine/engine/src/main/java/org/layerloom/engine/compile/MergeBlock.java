package org.layerloom.engine.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Joins the outputs of several branches, in wire order: their sum (Add) or their concatenation along
 * one axis (Concatenate). No parameters. Built by the compiler; used on one training worker thread.
 */
final class MergeBlock extends AbstractBlock {

    /** The axis to join along, counting the batch axis; or -1 to sum instead. */
    private final int concatAxis;

    private MergeBlock(int concatAxis) {
        this.concatAxis = concatAxis;
    }

    /** Element-wise sum of inputs of one shape. */
    static MergeBlock sum() {
        return new MergeBlock(-1);
    }

    /** Concatenation along {@code axis}, counted with the batch axis as 0 (so at least 1). */
    static MergeBlock concat(int axis) {
        if (axis < 1) {
            throw new IllegalArgumentException("cannot concatenate along the batch axis or " + axis);
        }
        return new MergeBlock(axis);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        if (concatAxis > 0) {
            return new NDList(NDArrays.concat(inputs, concatAxis));
        }
        NDArray sum = inputs.get(0).add(inputs.get(1));
        for (int i = 2; i < inputs.size(); i++) {
            sum = sum.add(inputs.get(i));
        }
        return new NDList(sum);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        if (concatAxis < 0) {
            return new Shape[] {inputShapes[0]};
        }
        long[] dims = inputShapes[0].getShape().clone(); // getShape() is the internal array
        for (int i = 1; i < inputShapes.length; i++) {
            dims[concatAxis] += inputShapes[i].get(concatAxis);
        }
        return new Shape[] {new Shape(dims)};
    }

    @Override
    public boolean isInitialized() {
        return inputShapes != null;
    }

    @Override
    public String toString() {
        return concatAxis < 0 ? "Add()" : "Concatenate(axis=" + concatAxis + ")";
    }
}
