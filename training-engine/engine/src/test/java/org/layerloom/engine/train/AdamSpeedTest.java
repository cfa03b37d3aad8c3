package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.compile.EngineSeed;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.GraphCompiler;
import org.layerloom.engine.compile.LossSpec;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.ScheduleSettings;

/**
 * Our Adam against DJL's on the bench MLP (784-64-64-10, batch 64, 60,000 random MNIST-sized
 * examples, one intra-op thread): one warm-up epoch, then timed epochs, alternating the two. Prints
 * samples/s of each timed epoch and the time spent in the optimizer step. Run with
 * {@code mvn -pl training-engine/engine -am test -Pslow -Dtest=AdamSpeedTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("slow")
class AdamSpeedTest {

    private static final int EXAMPLES = 60_000;
    private static final int BATCH = 64;

    @Test
    void our_adam_is_not_slower_than_djl_adam() {
        int threads = Integer.getInteger("bench.threads", 1);
        int rounds = Integer.getInteger("bench.rounds", 3);
        ai.djl.engine.Engine.getInstance();
        JniUtils.setNumThreads(threads);
        JniUtils.setGradMode(false);
        Examples data = randomMnist();
        double[][] ours = new double[rounds][];
        double[][] djl = new double[rounds][];
        for (int r = 0; r < rounds; r++) {
            djl[r] = epochs(data, false);
            ours[r] = epochs(data, true);
        }
        System.out.printf(Locale.ROOT, "Adam on MLP 784-64-64-10, batch %d, %d examples, %d thread(s)%n", BATCH,
                EXAMPLES, threads);
        for (int r = 0; r < rounds; r++) {
            System.out.printf(Locale.ROOT, "  round %d: DJL Adam %,8.0f samples/s (step %5.2f s)   ours %,8.0f samples/s"
                    + " (step %5.2f s)%n", r + 1, djl[r][0], djl[r][1], ours[r][0], ours[r][1]);
        }
        double djlBest = java.util.Arrays.stream(djl).mapToDouble(x -> x[0]).max().orElseThrow();
        double oursBest = java.util.Arrays.stream(ours).mapToDouble(x -> x[0]).max().orElseThrow();
        System.out.printf(Locale.ROOT, "  best: DJL %,.0f, ours %,.0f samples/s (ours/DJL %.2f)%n", djlBest, oursBest,
                oursBest / djlBest);
        assertThat(oursBest).isGreaterThan(0.8 * djlBest);
    }

    /** {samples/s, seconds in the optimizer step} of the second of two epochs. */
    private static double[] epochs(Examples data, boolean ours) {
        EngineSeed.set(1);
        GraphBlock block = GraphCompiler.standard().compile(TrainingFixtures.mlp(new int[] {784}, 64, 2, 10));
        OptimizerSettings adam = OptimizerSettings.adam(0.001);
        ScheduleTracker tracker = new ScheduleTracker(new LearningRateSchedule(ScheduleSettings.fixed(), 0.001, 2,
                EXAMPLES / BATCH));
        Optimizer optimizer = ours ? OptimizerFactory.create(adam, tracker) : OptimizerFactory.djlAdam(adam, tracker);
        try (Model model = Model.newInstance("bench")) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(LossSpec.SOFTMAX_CROSS_ENTROPY.newLoss())
                    .optOptimizer(optimizer).optDevices(new Device[] {Device.cpu()}))) {
                trainer.initialize(new Shape(1, 784));
                NDManager manager = trainer.getManager();
                ParameterUpdater updater = new ParameterUpdater(trainer, block, optimizer, 0);
                try (SplitArrays train = SplitArrays.upload(data, block.lossSpec(), manager, Device.cpu())) {
                    double[] result = null;
                    for (int epoch = 1; epoch <= 2; epoch++) {
                        long start = System.nanoTime();
                        long stepNanos = 0;
                        try (SplitArrays.Batches batches = train.shuffled(BATCH, new Random(epoch))) {
                            for (int i = 0; i < batches.count(); i++) {
                                try (NDManager scope = manager.newSubManager()) {
                                    NDList[] batch = batches.get(i, scope);
                                    try (GradientCollector collector = trainer.newGradientCollector()) {
                                        NDArray loss = trainer.getLoss().evaluate(batch[1], trainer.forward(batch[0]));
                                        collector.backward(loss);
                                        if (i % 50 == 0) {
                                            loss.getFloat();
                                        }
                                    }
                                    long t0 = System.nanoTime();
                                    updater.step(scope);
                                    stepNanos += System.nanoTime() - t0;
                                }
                            }
                        }
                        double seconds = (System.nanoTime() - start) / 1e9;
                        result = new double[] {EXAMPLES / seconds, stepNanos / 1e9};
                    }
                    return result;
                }
            }
        } finally {
            if (optimizer instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static Examples randomMnist() {
        Random random = new Random(42);
        float[] pixels = new float[EXAMPLES * 784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            labels[i] = random.nextInt(10);
        }
        return Examples.of(RealFeatures.copyOf(pixels), TensorShape.of(784), ClassLabels.copyOf(labels, 10));
    }
}
