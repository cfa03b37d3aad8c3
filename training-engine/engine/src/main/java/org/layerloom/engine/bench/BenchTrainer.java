package org.layerloom.engine.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import java.util.Arrays;
import java.util.Random;
import org.layerloom.engine.compile.ConvolutionKernelCheck;
import org.layerloom.engine.compile.EngineSeed;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.kernels.OneDnnBatch;
import org.layerloom.engine.train.GradientLock;
import org.layerloom.engine.train.LossBackward;
import org.layerloom.engine.train.ParameterUpdater;
import org.layerloom.engine.train.RowGather;
import org.layerloom.engine.train.optimizer.AdamOptimizer;

/**
 * One network under test in a training benchmark: its DJL model and trainer (LayerLoom's own Adam,
 * learning rate 10⁻³, stepped by the same {@link ParameterUpdater} as training; no evaluators, no
 * listeners) and a clock that only runs while it trains. The loop has the shape
 * of LayerLoom's own fit loop ({@code TrainingRun} with {@code SplitArrays}): the data stays in one
 * array, an epoch is a shuffled order, each batch's rows are copied from the data ({@link RowGather}) by a
 * slice of it, and each
 * batch is forward, loss and backward in a {@code GradientCollector} (on oneDNN where the network's convolutions
 * passed {@code ConvolutionKernelCheck}, as in training), the optimizer step, then its
 * arrays are freed. Like {@code shared/bench}, it reads the loss every 50 batches (and checks it is a
 * number) instead of after every batch.
 *
 * <p>An epoch can be trained in pieces ({@link #train(int, int)}), so that two trainers can take turns
 * and see the same machine load. Life-cycle: create, then per epoch {@link #startEpoch},
 * {@code train}… and {@link #endEpoch}; close. Not thread-safe: one thread creates, trains and closes it.
 */
final class BenchTrainer implements AutoCloseable {

    private static final int LOSS_EVERY = 50;

    /**
     * The phases of a training step whose time {@link #phaseSeconds()} adds up: the epoch's shuffling
     * gather and each batch's slices, forward, loss, backward (and closing the gradient collector), the
     * optimizer step (and freeing the batch's arrays), and reading the loss back every 50 batches.
     */
    static final String[] PHASES = {"gather", "forward", "loss", "backward", "step", "metrics"};
    private static final int GATHER = 0;
    private static final int FORWARD = 1;
    private static final int LOSS = 2;
    private static final int BACKWARD = 3;
    private static final int STEP = 4;
    private static final int METRICS = 5;

    private final String name;
    private final Model model;
    private final Trainer trainer;
    private final AdamOptimizer optimizer;
    private final ParameterUpdater updater;
    private final LossBackward lossBackward;
    private final Loss loss;
    private final NDArray features;
    private final RowGather featureRows;
    private final RowGather labelRows;
    private final int batchSize;
    private final long parameterCount;
    private final boolean oneDnnBatches;
    private NDManager epoch;
    private NDArray permutation;
    private long nanos;
    private int batches;
    private final long[] phaseNanos = new long[PHASES.length];

    /**
     * @param features all examples, (N, …); shared with other trainers, not closed here
     * @param labels   all labels, (N) or (N, 1)
     * @param seed     seeds the engine right before the parameters are initialised
     */
    BenchTrainer(String name, Block block, Loss loss, Shape initShape, NDArray features, NDArray labels,
                 int batchSize, int seed) {
        this.name = name;
        this.loss = loss;
        this.features = features;
        this.featureRows = new RowGather(features);
        this.labelRows = new RowGather(labels);
        this.batchSize = batchSize;
        this.model = Model.newInstance(name, Device.cpu());
        model.setBlock(block);
        this.optimizer = AdamOptimizer.adam(Tracker.fixed(1e-3f), 0.9, 0.999, 1e-8, 0);
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(optimizer)
                .optDevices(new Device[] {Device.cpu()});
        this.trainer = model.newTrainer(config);
        EngineSeed.set(seed);
        trainer.initialize(initShape);
        this.updater = new ParameterUpdater(trainer, block, optimizer, 0);
        this.lossBackward = new LossBackward(trainer.getManager());
        this.oneDnnBatches = block instanceof GraphBlock graph && ConvolutionKernelCheck.check(graph,
                trainer.getManager(), batchSize, features.getShape().get(0))
                .map(ConvolutionKernelCheck.Result::agrees).orElse(false);
        long count = 0;
        for (Parameter p : block.getParameters().values()) {
            count += p.getArray().size();
        }
        this.parameterCount = count;
    }

    String name() {
        return name;
    }

    long parameterCount() {
        return parameterCount;
    }

    /** Whether its batches train on oneDNN, as the Train button's would ({@code OneDnnBatch}). */
    boolean oneDnnBatches() {
        return oneDnnBatches;
    }

    /** Batches in one epoch; the last one may be shorter. */
    int batchesPerEpoch() {
        return (int) ((features.getShape().get(0) + batchSize - 1) / batchSize);
    }

    /** Draws the order of a new epoch (timed); its batches are gathered in that order. */
    void startEpoch(Random random) {
        if (epoch != null) {
            throw new IllegalStateException("end the epoch first");
        }
        long start = System.nanoTime();
        int n = (int) features.getShape().get(0);
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        epoch = trainer.getManager().newSubManager();
        permutation = epoch.create(order);
        long took = System.nanoTime() - start;
        nanos += took;
        phaseNanos[GATHER] += took;
    }

    /**
     * Trains batches {@code from} (inclusive) to {@code to} (exclusive) of the current epoch (timed).
     *
     * @return the nanoseconds it took
     */
    long train(int from, int to) {
        long start = System.nanoTime();
        long n = permutation.getShape().get(0);
        NDManager parent = trainer.getManager();
        long[] t = new long[8];
        for (int b = from; b < to; b++) {
            t[0] = System.nanoTime();
            try (NDManager scope = parent.newSubManager()) {
                long first = (long) b * batchSize;
                NDIndex slice = new NDIndex().addSliceDim(first, Math.min(n, first + batchSize));
                NDArray rows = permutation.get(slice);
                NDArray x = featureRows.rows(rows);
                NDArray y = labelRows.rows(rows);
                rows.attach(scope);
                x.attach(scope);
                y.attach(scope);
                t[1] = System.nanoTime();
                try (GradientLock.Turn turn = GradientLock.acquire();
                     OneDnnBatch kernels = OneDnnBatch.open(oneDnnBatches);
                     GradientCollector collector = trainer.newGradientCollector()) {
                    NDList predictions = trainer.forward(new NDList(x));
                    t[2] = System.nanoTime();
                    NDArray value = loss.evaluate(new NDList(y), predictions);
                    t[3] = System.nanoTime();
                    lossBackward.run(collector, value);
                    t[4] = System.nanoTime();
                    if (b % LOSS_EVERY == 0) {
                        checkLoss(value.getFloat(), b);
                    }
                    t[5] = System.nanoTime();
                }
                t[6] = System.nanoTime();
                updater.step(scope);
            }
            t[7] = System.nanoTime();
            phaseNanos[GATHER] += t[1] - t[0];
            phaseNanos[FORWARD] += t[2] - t[1];
            phaseNanos[LOSS] += t[3] - t[2];
            phaseNanos[BACKWARD] += (t[4] - t[3]) + (t[6] - t[5]);
            phaseNanos[METRICS] += t[5] - t[4];
            phaseNanos[STEP] += t[7] - t[6];
        }
        batches += to - from;
        long took = System.nanoTime() - start;
        nanos += took;
        return took;
    }

    private void checkLoss(float value, int batch) {
        if (!Float.isFinite(value)) {
            throw new IllegalStateException("the " + name + " network's loss became " + value + " at batch " + batch);
        }
    }

    /** Frees the epoch's order (timed). */
    void endEpoch() {
        long start = System.nanoTime();
        epoch.close();
        epoch = null;
        permutation = null;
        nanos += System.nanoTime() - start;
    }

    /** Sets the clock and the batch count back to zero, e.g. after the warm-up. */
    void resetClock() {
        nanos = 0;
        Arrays.fill(phaseNanos, 0);
        batches = 0;
    }

    /** Seconds spent training since the last {@link #resetClock()}. */
    double seconds() {
        return nanos / 1e9;
    }

    /**
     * Seconds of each of {@link #PHASES} since the last {@link #resetClock()}, in that order. libtorch runs
     * CPU operations eagerly, so each call has finished its work when it returns and a phase's clock
     * stops when its work is done.
     */
    double[] phaseSeconds() {
        double[] seconds = new double[PHASES.length];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = phaseNanos[i] / 1e9;
        }
        return seconds;
    }

    int batchesTrained() {
        return batches;
    }

    @Override
    public void close() {
        if (epoch != null) {
            epoch.close();
        }
        featureRows.close();
        labelRows.close();
        optimizer.close();
        trainer.close();
        model.close();
    }
}
