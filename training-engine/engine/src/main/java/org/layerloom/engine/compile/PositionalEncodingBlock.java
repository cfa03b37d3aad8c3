package org.layerloom.engine.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Adds the fixed sinusoidal position signal of "Attention is all you need" to a sequence (B, T, F):
 * {@code PE(t, 2i) = sin(t / 10000^(2i/F))}, {@code PE(t, 2i+1) = cos(t / 10000^(2i/F))}; an odd F ends
 * with a sine column. The (T, F) table is computed once at initialisation and kept as a parameter that
 * is not trained, so it follows the block's device and is never rebuilt per batch. Built by the
 * compiler; used on one training worker thread.
 */
final class PositionalEncodingBlock extends AbstractBlock {

    private final Parameter table;

    PositionalEncodingBlock() {
        this.table = addParameter(Parameter.builder().setName("table").setType(Parameter.Type.OTHER)
                .optRequiresGrad(false).optInitializer(PositionalEncodingBlock::sinusoids).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        table.setShape(new Shape(in.get(1), in.get(2)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(x.add(parameterStore.getValue(table, x.getDevice(), training)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /** The (steps, features) table of sines and cosines. */
    static NDArray sinusoids(NDManager manager, Shape shape, DataType dataType) {
        int steps = Math.toIntExact(shape.get(0));
        int features = Math.toIntExact(shape.get(1));
        float[] values = new float[steps * features];
        for (int t = 0; t < steps; t++) {
            for (int f = 0; f < features; f++) {
                double angle = t / Math.pow(10_000, (f - f % 2) / (double) features);
                values[t * features + f] = (float) (f % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return manager.create(values, shape).toType(dataType, false);
    }
}
