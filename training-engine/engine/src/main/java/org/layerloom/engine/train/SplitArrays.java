package org.layerloom.engine.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.layerloom.engine.compile.LossSpec;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.RegressionTargets;
import org.layerloom.engine.data.TokenFeatures;

/**
 * One split of a dataset copied to the training device once, so batches never cross from Java again:
 * an epoch is a shuffled order of the examples, and each of its batches is gathered from the split
 * with one native row copy per array ({@link RowGather}; a slice of the order picks the rows), so an
 * epoch never copies the whole split: on MNIST that copy was 188 MB a new allocation, faulted in page by
 * page every epoch.
 * Evaluation batches are plain slices (views). Labels are
 * laid out as the loss wants them (class indices, a 0/1 column, or regression targets). Lives and dies
 * on the training worker.
 */
final class SplitArrays implements AutoCloseable {

    private final NDManager manager;
    private final NDArray features;
    private final NDArray labels;
    private final int size;
    private final RowGather featureRows;
    private final RowGather labelRows;

    private SplitArrays(NDManager manager, NDArray features, NDArray labels, int size) {
        this.manager = manager;
        this.features = features;
        this.labels = labels;
        this.size = size;
        this.featureRows = new RowGather(features);
        this.labelRows = new RowGather(labels);
    }

    static SplitArrays upload(Examples examples, LossSpec loss, NDManager parent, Device device) {
        NDManager manager = parent.newSubManager(device);
        int n = examples.size();
        long[] dims = new long[examples.exampleShape().rank() + 1];
        dims[0] = n;
        for (int i = 0; i < examples.exampleShape().rank(); i++) {
            dims[i + 1] = examples.exampleShape().dim(i);
        }
        Shape shape = new Shape(dims);
        NDArray x = examples.features() instanceof TokenFeatures tokens
                ? manager.create(tokens.buffer(), shape).toType(DataType.INT64, false)
                : manager.create(examples.realFeatures().buffer(), shape);
        NDArray y;
        if (examples.labels() instanceof ClassLabels classes) {
            NDArray indices = manager.create(classes.buffer(), new Shape(n));
            y = loss == LossSpec.SIGMOID_BINARY_CROSS_ENTROPY
                    ? indices.toType(DataType.FLOAT32, false).reshape(n, 1)
                    : indices.toType(DataType.INT64, false);
        } else {
            RegressionTargets targets = (RegressionTargets) examples.labels();
            y = manager.create(targets.buffer(), new Shape(n, targets.targetSize()));
        }
        return new SplitArrays(manager, x, y, n);
    }

    int size() {
        return size;
    }

    /** The inputs of the first {@code count} examples (all when fewer), attached to {@code scope}: a fixed probe batch. */
    NDArray first(int count, NDManager scope) {
        return inOrder(Math.min(count, size)).get(0, scope)[0].head();
    }

    /** Batches in the stored order (for evaluation). */
    Batches inOrder(int batchSize) {
        return new Batches(this, batchSize, null, null);
    }

    /** Batches of a fresh permutation drawn from {@code random} (for training); close the result after the epoch. */
    Batches shuffled(int batchSize, Random random) {
        long[] order = new long[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        NDManager epoch = manager.newSubManager();
        NDArray permutation = epoch.create(order);
        return new Batches(this, batchSize, permutation, epoch);
    }

    @Override
    public void close() {
        featureRows.close();
        labelRows.close();
        manager.close();
    }

    /**
     * The batches of one pass over a split, the last one possibly shorter: consecutive rows of the split,
     * or, with an order, the rows that consecutive entries of the order name.
     */
    static final class Batches implements AutoCloseable {
        private final SplitArrays split;
        private final int size;
        private final int batchSize;
        private final NDArray order;
        private final NDManager owner;

        Batches(SplitArrays split, int batchSize, NDArray order, NDManager owner) {
            this.split = split;
            this.size = split.size;
            this.batchSize = batchSize;
            this.order = order;
            this.owner = owner;
        }

        int count() {
            return (size + batchSize - 1) / batchSize;
        }

        /** Batch {@code i} as (inputs, labels), attached to {@code scope}, which the caller closes after the step. */
        NDList[] get(int i, NDManager scope) {
            int start = i * batchSize;
            int end = Math.min(size, start + batchSize);
            NDIndex slice = new NDIndex().addSliceDim(start, end);
            NDArray bx;
            NDArray by;
            if (order == null) {
                bx = split.features.get(slice);
                by = split.labels.get(slice);
            } else {
                NDArray rows = order.get(slice);
                bx = split.featureRows.rows(rows);
                by = split.labelRows.rows(rows);
                rows.attach(scope);
            }
            bx.attach(scope);
            by.attach(scope);
            return new NDList[] {new NDList(bx), new NDList(by)};
        }

        @Override
        public void close() {
            if (owner != null) {
                owner.close();
            }
        }
    }
}
