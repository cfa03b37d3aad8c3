package org.layerloom.engine.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.layerloom.engine.compile.EngineSeed;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.GraphCompiler;
import org.layerloom.engine.compile.LossSpec;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.CheckpointSaved;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.LearningRateChanged;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.RunState;
import org.layerloom.engine.train.event.StateChanged;
import org.layerloom.engine.train.event.TestMetrics;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.TrainingListener;

/**
 * The body of one training run, on its worker thread: checks, compiles, uploads the data, then our
 * own short fit loop (train batch, step, free the batch, look at the inbox), validation and
 * checkpoints per epoch, and the test evaluation of the best parameters. Every DJL object lives and
 * dies here, in try-with-resources. Single use, worker thread only.
 */
final class TrainingRun {

    private final TrainingJob job;
    private final RunControl control;
    private final TrainingListener listener;
    private final List<EpochEnded> history = new ArrayList<>();
    private int epoch;
    private int batch;

    TrainingRun(TrainingJob job, RunControl control, TrainingListener listener) {
        this.job = job;
        this.control = control;
        this.listener = listener;
    }

    void run() {
        emit(new StateChanged(RunState.STARTING, 0, 0));
        try {
            execute();
        } catch (TrainingSetupException e) {
            fail(e.getMessage(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("Training was interrupted before it finished. The checkpoints saved so far are kept.", "");
        } catch (IOException e) {
            fail("LayerLoom could not write the run's files (" + e.getMessage() + "). Check that the project's"
                    + " folder is writable and the disk is not full.", e.toString());
        } catch (RuntimeException | OutOfMemoryError e) {
            fail("Training stopped because of an unexpected error: " + e.getMessage() + ". Your project is safe;"
                    + " try a smaller batch size, and please report this if it happens again.", stackSummary(e));
        }
    }

    private void execute() throws TrainingSetupException, IOException, InterruptedException {
        TrainingSettings settings = job.settings();
        Dataset dataset = job.dataset();
        ValidationReport report = DataModelCheck.check(job.project().graph(), dataset);
        Device device = DeviceSelection.choose(settings.device());
        if (job.threads() > 0) {
            JniUtils.setNumThreads(job.threads());
        }
        EngineSeed.set(Long.hashCode(settings.seed()));
        GraphBlock block = GraphCompiler.standard().compile(report);
        LossSpec spec = block.lossSpec();
        Loss loss = spec.newLoss();
        boolean classification = dataset.task() instanceof DatasetTask.Classification;
        int classes = classification ? ((DatasetTask.Classification) dataset.task()).classCount() : 0;
        int batchSize = settings.batchSize();
        int batchesPerEpoch = trainingBatches(dataset.train().size(), batchSize);
        if (batchesPerEpoch == 0) {
            throw new TrainingSetupException("The training split of " + dataset.name() + " is empty, so there is"
                    + " nothing to learn from. Check the dataset and the validation split.");
        }
        LearningRateSchedule schedule = new LearningRateSchedule(settings.schedule(),
                settings.optimizer().learningRate(), settings.epochs(), batchesPerEpoch);
        ScheduleTracker tracker = new ScheduleTracker(schedule);
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                .optOptimizer(OptimizerFactory.create(settings.optimizer(), tracker))
                .optDevices(new Device[] {device});
        try (Model model = Model.newInstance(job.project().name(), device)) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(withBatch(dataset.exampleShape()));
                NDManager manager = trainer.getManager();
                try (SplitArrays train = SplitArrays.upload(dataset.train(), spec, manager, device);
                     SplitArrays validation = SplitArrays.upload(dataset.validation(), spec, manager, device);
                     SplitArrays test = SplitArrays.upload(dataset.test(), spec, manager, device)) {
                    RunFolder folder = RunFolder.create(job.runsRoot(), LocalDateTime.now());
                    RunManifest manifest = RunManifest.begin(job, folder, device, JniUtils.getNumThreads(),
                            block.trainableParameterCount());
                    folder.writeJson("manifest", manifest.asMap());
                    emit(new RunStarted(folder.id(), DeviceSelection.describe(device), JniUtils.getNumThreads(), settings.epochs(),
                            batchesPerEpoch, train.size(), validation.size(), block.trainableParameterCount()));
                    emit(new StateChanged(RunState.RUNNING, 0, 0));
                    Loop loop = new Loop(trainer, loss, spec, classes, schedule, tracker, manager, folder, block);
                    loop.fit(train, validation, batchesPerEpoch);
                    if (loop.failure != null) {
                        manifest.end("failed", epoch - 1, loop.bestEpoch);
                        folder.writeJson("manifest", manifest.asMap());
                        fail(loop.failure, "");
                        return;
                    }
                    finish(loop, test, folder, manifest, trainer, manager);
                }
            }
        }
    }

    private void finish(Loop loop, SplitArrays test, RunFolder folder, RunManifest manifest, Trainer trainer,
                        NDManager manager) throws IOException {
        GraphBlock block = loop.block;
        if (loop.bestEpoch > 0) {
            folder.loadParameters(block, manager, RunFolder.BEST);
        }
        Evaluation.Result result = Evaluation.run(trainer, loop.loss, loop.spec, test, job.settings().batchSize(),
                loop.classes, manager);
        TestMetrics metrics = TestMetricsFactory.from(result, job.dataset());
        folder.writeJson("test", metrics);
        int epochsDone = history.size();
        manifest.end(loop.stopped ? "stopped" : "completed", epochsDone, loop.bestEpoch);
        folder.writeJson("manifest", manifest.asMap());
        emit(new StateChanged(loop.stopped ? RunState.STOPPED : RunState.FINISHED, epoch, batch));
        emit(new RunFinished(folder.id(), folder.dir().toString(), epochsDone, loop.bestEpoch, loop.stopped,
                loop.endReason, metrics, manifest.seconds()));
    }

    /** The fit loop and its running state. */
    private final class Loop {
        final Trainer trainer;
        final Loss loss;
        final LossSpec spec;
        final int classes;
        final LearningRateSchedule schedule;
        final ScheduleTracker tracker;
        final NDManager manager;
        final RunFolder folder;
        final GraphBlock block;
        final DivergenceCheck divergence = new DivergenceCheck();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch;
        boolean stopped;
        String endReason = "completed";
        String failure;
        long step;
        double samplesPerSecond;

        Loop(Trainer trainer, Loss loss, LossSpec spec, int classes, LearningRateSchedule schedule,
             ScheduleTracker tracker, NDManager manager, RunFolder folder, GraphBlock block) {
            this.trainer = trainer;
            this.loss = loss;
            this.spec = spec;
            this.classes = classes;
            this.schedule = schedule;
            this.tracker = tracker;
            this.manager = manager;
            this.folder = folder;
            this.block = block;
        }

        void fit(SplitArrays train, SplitArrays validation, int batchesPerEpoch)
                throws IOException, InterruptedException {
            TrainingSettings settings = job.settings();
            int sinceBest = 0;
            for (epoch = 1; epoch <= settings.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                double lossSum = 0;
                double correct = 0;
                int seen = 0;
                Random shuffle = new Random(settings.seed() * 1_000_003L + epoch);
                try (SplitArrays.Batches batches = train.shuffled(settings.batchSize(), shuffle)) {
                    for (batch = 1; batch <= batchesPerEpoch; batch++) {
                        if (!control.awaitTurn(() -> emit(new StateChanged(RunState.PAUSED, epoch, batch)),
                                () -> emit(new StateChanged(RunState.RUNNING, epoch, batch)))) {
                            stopped = true;
                            endReason = "stopped by you at epoch " + epoch + " batch " + batch;
                            folder.saveParameters(block, RunFolder.LAST);
                            emit(new CheckpointSaved(epoch, folder.dir().toString(), false));
                            return;
                        }
                        applyRequestedRate();
                        tracker.setStep(step);
                        long t0 = System.nanoTime();
                        float[] stats = trainBatch(batches);
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        int n = (int) stats[2];
                        double batchLoss = stats[0];
                        double accuracy = classes > 0 ? stats[1] / n : Double.NaN;
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
                        emit(new BatchEnded(epoch, batch, batchesPerEpoch, batchLoss, accuracy, rate,
                                samplesPerSecond, step));
                    }
                }
                endEpoch(validation, lossSum / seen, classes > 0 ? correct / seen : Double.NaN,
                        (System.nanoTime() - epochStart) / 1e9);
                if (job.patience() > 0 && bestEpoch < epoch) {
                    sinceBest++;
                    if (sinceBest >= job.patience()) {
                        endReason = "early stopping: the validation loss has not improved for " + sinceBest
                                + " epoch(s) since epoch " + bestEpoch;
                        return;
                    }
                } else {
                    sinceBest = 0;
                }
            }
        }

        /** One step; returns {loss, correct answers, batch size}. */
        private float[] trainBatch(SplitArrays.Batches batches) {
            try (NDManager scope = manager.newSubManager()) {
                NDList[] data = batches.get(batch - 1, scope);
                NDArray labels = data[1].head();
                float[] stats;
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList predictions = trainer.forward(data[0]);
                    NDArray value = loss.evaluate(data[1], predictions);
                    collector.backward(value);
                    NDArray correct = classes > 0
                            ? Evaluation.correctCount(predictions.head(), labels, spec).toType(DataType.FLOAT32, false)
                            : scope.zeros(new Shape());
                    stats = NDArrays.stack(new NDList(value.reshape(new Shape()), correct.reshape(new Shape())))
                            .toFloatArray();
                }
                trainer.step();
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
            if (validation.size() > 0) {
                Evaluation.Result result = Evaluation.run(trainer, loss, spec, validation,
                        job.settings().batchSize(), classes, manager);
                validationLoss = result.loss();
                validationAccuracy = result.accuracy();
            }
            EpochEnded ended = new EpochEnded(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy,
                    schedule.rateAt(step), seconds);
            history.add(ended);
            emit(ended);
            folder.saveParameters(block, RunFolder.LAST);
            emit(new CheckpointSaved(epoch, folder.dir().toString(), false));
            double judged = Double.isNaN(validationLoss) ? trainLoss : validationLoss;
            if (judged < bestLoss) {
                bestLoss = judged;
                bestEpoch = epoch;
                folder.saveParameters(block, RunFolder.BEST);
                emit(new CheckpointSaved(epoch, folder.dir().toString(), true));
            }
            folder.writeMetrics(history);
        }
    }

    /**
     * Batches per epoch: the last, shorter batch is kept unless it would hold a single example, which
     * BatchNorm cannot normalise (that example is trained on in the next epoch's shuffle).
     */
    static int trainingBatches(int examples, int batchSize) {
        int full = examples / batchSize;
        int rest = examples % batchSize;
        return rest > 1 ? full + 1 : Math.max(full, rest);
    }

    private static Shape withBatch(TensorShape shape) {
        long[] dims = new long[shape.rank() + 1];
        dims[0] = 1;
        for (int i = 0; i < shape.rank(); i++) {
            dims[i + 1] = shape.dim(i);
        }
        return new Shape(dims);
    }

    private void fail(String reason, String detail) {
        emit(new StateChanged(RunState.FAILED, epoch, batch));
        emit(new RunFailed(reason, detail, epoch, batch));
    }

    private void emit(TrainingEvent event) {
        listener.trainingEvent(event);
    }

    private static String stackSummary(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < Math.min(8, trace.length); i++) {
            text.append("\n  at ").append(trace[i]);
        }
        return text.toString();
    }

    static String engineVersion() {
        Engine engine = Engine.getInstance();
        return engine.getEngineName() + " " + engine.getVersion();
    }
}
