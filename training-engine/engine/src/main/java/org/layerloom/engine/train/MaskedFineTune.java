package org.layerloom.engine.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.util.Random;
import java.util.function.Consumer;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.optimizer.StatefulOptimizer;

/**
 * Trains the parameters a {@link SavedRun} holds further, in place, on a dataset's training split, calling
 * a hook after every optimizer step: compression re-applies its pruning mask there, so that pruned
 * weights stay zero; distillation brings its own loss and a teacher's logits. Uses the run's optimizer, batch size and seed with a fixed learning rate; it does not
 * write a run folder or send events (the caller saves the result). Runs on the calling thread, which must
 * own the saved run (a worker, never the JavaFX thread).
 */
public final class MaskedFineTune {

    private MaskedFineTune() {
    }

    /**
     * @param learningRate the fixed rate, or NaN for the run's own starting rate
     * @param afterStep    called with the network after each optimizer step
     * @param batchesDone  told the number of batches trained so far after each step
     * @return the mean training loss over the batches
     * @throws IllegalArgumentException when the dataset does not fit the network, with the reason
     */
    public static double train(SavedRun run, Dataset dataset, int epochs, double learningRate,
                               Consumer<GraphBlock> afterStep, java.util.function.IntConsumer batchesDone) {
        return train(run, dataset, epochs, learningRate, null, (inputs, labels) -> labels, afterStep, batchesDone);
    }

    /**
     * As above, with another loss: {@code loss} (null: the network's own) is given the labels that
     * {@code labelsFor} makes from each batch's inputs and labels (e.g. the labels and a teacher's logits, for
     * distillation); the labels' arrays belong to the batch.
     */
    public static double train(SavedRun run, Dataset dataset, int epochs, double learningRate, Loss lossOrNull,
                               java.util.function.BiFunction<NDList, NDList, NDList> labelsFor,
                               Consumer<GraphBlock> afterStep, java.util.function.IntConsumer batchesDone) {
        try {
            DataModelCheck.check(run.project().graph(), dataset);
        } catch (TrainingSetupException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        TrainingSettings settings = run.project().training();
        double rate = Double.isNaN(learningRate) ? settings.optimizer().learningRate() : learningRate;
        int batchSize = settings.batchSize();
        int perEpoch = (dataset.train().size() + batchSize - 1) / batchSize;
        GraphBlock block = run.block();
        Loss loss = lossOrNull == null ? block.lossSpec().newLoss() : lossOrNull;
        ScheduleTracker tracker = new ScheduleTracker(new LearningRateSchedule(ScheduleSettings.fixed(), rate,
                epochs, Math.max(1, perEpoch)));
        JniUtils.setGradMode(false);
        Random random = new Random(settings.seed());
        double lossSum = 0;
        int steps = 0;
        try (StatefulOptimizer optimizer = OptimizerFactory.create(settings.optimizer(), tracker);
             Trainer trainer = run.model().newTrainer(new DefaultTrainingConfig(loss).optOptimizer(optimizer)
                     .optDevices(new Device[] {Device.cpu()}))) {
            trainer.initialize(TrainingRun.withBatch(run.exampleShape()));
            NDManager manager = trainer.getManager();
            ParameterUpdater updater = new ParameterUpdater(trainer, block, optimizer,
                    settings.optimizer().gradientClip());
            try (SplitArrays train = SplitArrays.upload(dataset.train(), block.lossSpec(), manager, Device.cpu())) {
                for (int epoch = 0; epoch < epochs; epoch++) {
                    try (SplitArrays.Batches batches = train.shuffled(batchSize, random)) {
                        for (int i = 0; i < batches.count(); i++) {
                            tracker.setStep(steps);
                            try (NDManager scope = manager.newSubManager()) {
                                NDList[] data = batches.get(i, scope);
                                try (GradientLock.Turn turn = GradientLock.acquire();
                                     GradientCollector collector = trainer.newGradientCollector()) {
                                    NDArray value = loss.evaluate(labelsFor.apply(data[0], data[1]),
                                            trainer.forward(data[0]));
                                    collector.backward(value);
                                    lossSum += value.getFloat();
                                }
                                updater.step(scope);
                                afterStep.accept(block);
                            }
                            steps++;
                            batchesDone.accept(steps);
                        }
                    }
                }
            }
        }
        return steps == 0 ? Double.NaN : lossSum / steps;
    }
}
