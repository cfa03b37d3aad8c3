package org.layerloom.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.LossSpec;
import org.layerloom.engine.inspect.LiveInspection;
import org.layerloom.engine.kernels.OneDnnBatch;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.BatchStepped;
import org.layerloom.engine.train.event.CheckpointSaved;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.LearningRateChanged;
import org.layerloom.engine.train.event.RunState;
import org.layerloom.engine.train.event.StateChanged;
import org.layerloom.engine.train.event.TrainingListener;
import org.layerloom.engine.train.optimizer.StatefulOptimizer;

/**
 * Our short fit loop, modelled on DJL's {@code EasyTrain.fit}: per batch a forward and backward pass in
 * a scope that is closed at once, the optimizer step, and a look at the inbox (pause, stop, a new
 * learning rate); per epoch the validation, the history and the checkpoints (validated and kept as the
 * best epoch: the optimizer's moving average of the weights when it keeps one). It can start from a saved
 * {@link RunCheckpoint.Position}, also within an epoch, and saves one when the student stops. A batch whose
 * loss or output is not finite is judged before its step: before any update (or on data that is not
 * finite) by {@link NotFiniteCheck}, otherwise by {@link DivergenceCheck}. Epoch
 * {@code e} is shuffled from {@code (seed, e)}, so a resumed run sees the batches it would have seen. A job that
 * trains until stopped goes on past its epochs until the student stops it (or early stopping ends it).
 * Single use; worker thread only.
 */
final class FitLoop {

    /**
     * The compiled network and what trains it: {@code loss} measures (validation, test), {@code guide} gives the
     * loss it trains with, each batch's labels for it, and what follows every step.
     */
    record Network(Trainer trainer, GraphBlock block, Loss loss, LossSpec spec, int classes,
                   ParameterUpdater updater, StatefulOptimizer optimizer, RunGuide guide) {
    }

    private final TrainingSettings settings;
    private final int patience;
    private final boolean untilStopped;
    private final RunControl control;
    private final TrainingListener listener;
    private final Network net;
    private final LearningRateSchedule schedule;
    private final ScheduleTracker tracker;
    private final NDManager manager;
    private final LossBackward lossBackward;
    private final RunFolder folder;
    private final List<EpochEnded> history;
    private final RunCheckpoint.Position start;
    private final DivergenceCheck divergence = new DivergenceCheck();
    private final LiveInspection inspection;
    private final NotFiniteCheck notFinite;
    private final boolean oneDnnBatches;

    private int epoch;
    private int batch;
    private long step;
    private double bestLoss;
    private int bestEpoch;
    private int sinceBest;
    private boolean stopped;
    private String endReason = "completed";
    private String failure;
    private double samplesPerSecond;

    /**
     * @param history the epochs before {@code start}; this loop appends to it
     * @param inspection what the job asks to inspect while training, or null
     * @param oneDnnBatches whether each batch's forward, loss and backward run on oneDNN ({@link OneDnnBatch}): the
     *                      network's convolutions agreed there with libtorch's kernels
     */
    FitLoop(TrainingJob job, RunControl control, TrainingListener listener, Network net, LearningRateSchedule schedule,
            ScheduleTracker tracker, NDManager manager, RunFolder folder, List<EpochEnded> history,
            RunCheckpoint.Position start, LiveInspection inspection, boolean oneDnnBatches) {
        this.inspection = inspection;
        this.oneDnnBatches = oneDnnBatches;
        this.notFinite = new NotFiniteCheck(net.block(), job);
        this.settings = job.settings();
        this.patience = job.patience();
        this.untilStopped = job.untilStopped();
        this.control = control;
        this.listener = listener;
        this.net = net;
        this.schedule = schedule;
        this.tracker = tracker;
        this.manager = manager;
        this.lossBackward = new LossBackward(manager);
        this.folder = folder;
        this.history = history;
        this.start = start;
        this.epoch = start.epochsDone() + 1;
        this.batch = start.batchesDone() + 1;
        this.step = start.step();
        this.bestLoss = start.bestLoss();
        this.bestEpoch = start.bestEpoch();
        this.sinceBest = start.sinceBest();
    }

    void fit(SplitArrays train, SplitArrays validation, int batchesPerEpoch) throws IOException, InterruptedException {
        for (epoch = start.epochsDone() + 1; epoch <= settings.epochs() || untilStopped; epoch++) {
            boolean continuing = epoch == start.epochsDone() + 1 && start.batchesDone() > 0;
            long epochStart = System.nanoTime();
            double earlierSeconds = continuing ? start.epochSeconds() : 0;
            double lossSum = continuing ? start.epochLossSum() : 0;
            double correct = continuing ? start.epochCorrect() : 0;
            int seen = continuing ? start.epochSeen() : 0;
            Random shuffle = new Random(settings.seed() * 1_000_003L + epoch);
            try (SplitArrays.Batches batches = train.shuffled(settings.batchSize(), shuffle)) {
                for (batch = continuing ? start.batchesDone() + 1 : 1; batch <= batchesPerEpoch; batch++) {
                    RunControl.Turn turn = control.awaitBatch(
                            () -> emit(new StateChanged(RunState.PAUSED, epoch, batch)),
                            () -> emit(new StateChanged(RunState.RUNNING, epoch, batch)));
                    if (turn == RunControl.Turn.STOP) {
                        stopped = true;
                        // The stop comes before this batch runs: say what was trained.
                        endReason = batch == 1 ? "stopped by you after epoch " + (epoch - 1)
                                : "stopped by you in epoch " + epoch + ", after batch " + (batch - 1);
                        double seconds = earlierSeconds + (System.nanoTime() - epochStart) / 1e9;
                        checkpoint(batch == 1 ? position(epoch - 1, 0, 0, 0, 0, 0)
                                : position(epoch - 1, batch - 1, lossSum, correct, seen, seconds));
                        emit(new CheckpointSaved(epoch, folder.dir().toString(), false));
                        return;
                    }
                    applyRequestedRate();
                    tracker.setStep(step);
                    boolean probing = inspection != null && inspection.due(batch, batchesPerEpoch, step + 1);
                    long t0 = System.nanoTime();
                    StepRecorder recorder = turn == RunControl.Turn.STEP
                            ? StepRecorder.watching(control.watched(), net.block(), net.optimizer(),
                                    tracker.currentRate(), settings.optimizer().gradientClip())
                            : null;
                    float[] stats = trainBatch(batches, probing, recorder);
                    if (notFinite.found() != null) {
                        emit(notFinite.found());
                        failure = NonFiniteExplanation.text(notFinite.found());
                        return;
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    int n = (int) stats[2];
                    double batchLoss = stats[0];
                    double accuracy = net.classes() > 0 ? stats[1] / n : Double.NaN;
                    double rate = tracker.currentRate();
                    step++;
                    var diverged = divergence.check(batchLoss, epoch, batch, rate);
                    if (diverged.isPresent()) {
                        failure = diverged.get();
                        return;
                    }
                    lossSum += batchLoss * n;
                    correct += stats[1];
                    seen += n;
                    double now = n / Math.max(seconds, 1e-9);
                    samplesPerSecond = samplesPerSecond == 0 ? now : 0.9 * samplesPerSecond + 0.1 * now;
                    emit(BatchEnded.builder().setBatch(epoch, batch, batchesPerEpoch).setStep(step).setLoss(batchLoss)
                            .optAccuracy(accuracy).setLearningRate(rate).setSamplesPerSecond(samplesPerSecond).build());
                    BatchStepped stepped = recorder == null ? null : recorder.event(epoch, batch, step);
                    if (stepped != null) {
                        emit(stepped);
                    }
                    if (probing) {
                        try (NDManager scope = manager.newSubManager()) {
                            inspection.capture(epoch, batch, step, scope).forEach(this::emit);
                        }
                    }
                }
            }
            endEpoch(validation, lossSum / seen, net.classes() > 0 ? correct / seen : Double.NaN,
                    earlierSeconds + (System.nanoTime() - epochStart) / 1e9);
            if (patience > 0 && sinceBest >= patience) {
                endReason = "early stopping: the validation loss has not improved for " + sinceBest
                        + " epoch(s) since epoch " + bestEpoch;
                return;
            }
        }
    }

    /**
     * One step (measured by the health probe when {@code probing}, recorded by {@code recorder} unless it is null);
     * returns {loss, correct answers, batch size}.
     */
    private float[] trainBatch(SplitArrays.Batches batches, boolean probing, StepRecorder recorder) {
        Trainer trainer = net.trainer();
        try (NDManager scope = manager.newSubManager()) {
            NDList[] data = batches.get(batch - 1, scope);
            NDArray labels = data[1].head();
            boolean beforeAnyUpdate = step == 0;
            boolean outputFinite = true;
            float[] stats;
            NDList lossLabels = net.guide().labels(data[0], data[1]);
            try (GradientLock.Turn turn = GradientLock.acquire();
                 OneDnnBatch kernels = OneDnnBatch.open(oneDnnBatches);
                 GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(data[0]);
                NDArray value = net.guide().trainingLoss(net.loss()).evaluate(lossLabels, predictions);
                if (beforeAnyUpdate) {
                    outputFinite = NonFiniteSearch.notFinite(predictions.head()) == null;
                }
                lossBackward.run(collector, value);
                NDArray correct = net.classes() > 0
                        ? Evaluation.correctCount(predictions.head(), labels, net.spec()).toType(DataType.FLOAT32, false)
                        : scope.zeros(new Shape());
                stats = NDArrays.stack(new NDList(value.reshape(new Shape()), correct.reshape(new Shape())))
                        .toFloatArray();
            }
            if ((beforeAnyUpdate || !Float.isFinite(stats[0]))
                    && notFinite.failed(stats[0], outputFinite, data, epoch, batch, step, scope)) {
                return new float[] {stats[0], stats[1], labels.getShape().get(0)};
            }
            if (probing) {
                inspection.afterBackward(scope);
            }
            if (recorder != null) {
                recorder.lossBefore(trainer, net.loss(), data);
            }
            net.updater().step(scope, recorder);
            net.guide().afterStep();
            if (recorder != null) {
                recorder.lossAfter(trainer, net.loss(), data);
            }
            if (probing) {
                inspection.afterStep(scope);
            }
            return new float[] {stats[0], stats[1], labels.getShape().get(0)};
        }
    }

    private void applyRequestedRate() {
        var requested = control.takeLearningRate();
        if (requested.isPresent()) {
            double before = schedule.rateAt(step);
            schedule.rescaleTo(requested.getAsDouble(), step);
            emit(new LearningRateChanged(epoch, batch, before, requested.getAsDouble()));
        }
    }

    private void endEpoch(SplitArrays validation, double trainLoss, double trainAccuracy, double seconds)
            throws IOException {
        double validationLoss = Double.NaN;
        double validationAccuracy = Double.NaN;
        boolean best;
        try (NDManager scope = manager.newSubManager();
             AveragedWeights averaged = AveragedWeights.swapIn(net.block(), net.optimizer(), scope)) {
            if (validation.size() > 0) {
                Evaluation.Result result = Evaluation.run(net.trainer()::evaluate, net.loss(), net.spec(), validation,
                        settings.batchSize(), net.classes(), manager);
                validationLoss = result.loss();
                validationAccuracy = result.accuracy();
            }
            double judged = Double.isNaN(validationLoss) ? trainLoss : validationLoss;
            best = judged < bestLoss;
            if (best) {
                bestLoss = judged;
                bestEpoch = epoch;
                sinceBest = 0;
                folder.saveParameters(net.block(), RunFolder.BEST);
            } else {
                sinceBest++;
            }
        }
        EpochEnded ended = new EpochEnded(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy,
                schedule.rateAt(step), seconds);
        history.add(ended);
        emit(ended);
        if (inspection != null) {
            inspection.epochEnded(epoch).forEach(this::emit);
        }
        folder.writeMetrics(history);
        checkpoint(position(epoch, 0, 0, 0, 0, 0));
        emit(new CheckpointSaved(epoch, folder.dir().toString(), false));
        if (best) {
            emit(new CheckpointSaved(epoch, folder.dir().toString(), true));
        }
    }

    private RunCheckpoint.Position position(int epochsDone, int batchesDone, double lossSum, double correct, int seen,
                                            double seconds) {
        return new RunCheckpoint.Position(epochsDone, batchesDone, step, lossSum, correct, seen, seconds, bestEpoch,
                bestLoss, sinceBest, schedule.factor());
    }

    /** The last parameters, with the optimizer state and the position when the optimizer can save it. */
    private void checkpoint(RunCheckpoint.Position position) throws IOException {
        if (net.optimizer() == null) {
            folder.saveParameters(net.block(), RunFolder.LAST);
        } else {
            RunCheckpoint.save(folder, net.block(), net.optimizer(), settings.optimizer().kind().id(), position);
        }
    }

    private void emit(org.layerloom.engine.train.event.TrainingEvent event) {
        listener.trainingEvent(event);
    }

    int epoch() {
        return epoch;
    }

    int batch() {
        return batch;
    }

    int bestEpoch() {
        return bestEpoch;
    }

    boolean stopped() {
        return stopped;
    }

    String endReason() {
        return endReason;
    }

    /** Why the run diverged, or null. */
    String failure() {
        return failure;
    }
}
