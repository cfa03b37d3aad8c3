package org.layerloom.engine.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A lookup table of {@code vocabulary × dimension} learned vectors indexed directly by integer token
 * ids: (B, T) ids → (B, T, dimension), as PyTorch's {@code nn.Embedding}. DJL's own {@code Embedding}
 * family maps arbitrary items through a vocabulary and reserves rows for unknown items, so its table
 * would not have exactly {@code vocabulary} rows. Built by the compiler; used on one training worker
 * thread.
 */
final class IdEmbeddingBlock extends AbstractBlock {

    private final long dimension;
    private final Parameter weight;

    IdEmbeddingBlock(int vocabulary, int dimension) {
        this.dimension = dimension;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabulary, dimension)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        if (!ids.getDataType().isInteger()) {
            ids = ids.toType(DataType.INT64, false);
        }
        NDArray table = parameterStore.getValue(weight, ids.getDevice(), training);
        return Embedding.embedding(ids, table, SparseFormat.DENSE);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(dimension)};
    }

    @Override
    public String toString() {
        return "IdEmbedding(" + weight.getShape() + ")";
    }
}
