package org.layerloom.engine.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.layerloom.engine.compile.ConvolutionKernelCheck;
import org.layerloom.engine.compile.EngineSeed;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.GraphCompiler;
import org.layerloom.engine.compile.LossSpec;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.inspect.LiveInspection;
import org.layerloom.engine.kernels.KernelGuard;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.RunState;
import org.layerloom.engine.train.event.StartingWeightsLoaded;
import org.layerloom.engine.train.event.StateChanged;
import org.layerloom.engine.train.event.TestMetrics;
import org.layerloom.engine.train.event.TestProgress;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.TrainingListener;
import org.layerloom.engine.train.optimizer.StatefulOptimizer;

/**
 * The body of one training run, on its worker thread: checks, compiles, uploads the data, restores a
 * checkpoint when the job resumes a run, then the {@link FitLoop} and the test evaluation of the best
 * parameters. Every DJL object lives and dies here, in try-with-resources. Single use, worker thread only.
 */
final class TrainingRun {

    private final TrainingJob job;
    private final RunControl control;
    private final TrainingListener listener;
    private final Consumer<GraphBlock> initialized;
    private FitLoop loop;

    /** @param initialized sees the network once its parameters exist, before the first batch (a test hook) */
    TrainingRun(TrainingJob job, RunControl control, TrainingListener listener, Consumer<GraphBlock> initialized) {
        this.job = job;
        this.control = control;
        this.listener = listener;
        this.initialized = initialized;
    }

    /** Trains the job; the session has told that the run is starting. */
    void run() {
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
        String fingerprint = DatasetFingerprint.of(dataset);
        ResumePoint resume = job.resumeFrom() == null ? null : ResumePoint.open(job, fingerprint);
        KernelGuard.ensure();
        Device device = DeviceSelection.choose(settings.device());
        JniUtils.setNumThreads(job.threads() > 0 ? job.threads()
                : ThreadPlan.threadsFor(report, settings.batchSize(), Runtime.getRuntime().availableProcessors()));
        // Autograd records only inside a GradientCollector on this thread, not in validation and tests.
        JniUtils.setGradMode(false);
        EngineSeed.set(Long.hashCode(settings.seed()));
        GraphBlock block = GraphCompiler.standard().compile(report);
        LossSpec spec = block.lossSpec();
        Loss loss = spec.newLoss();
        boolean classification = dataset.task() instanceof DatasetTask.Classification;
        int classes = classification ? ((DatasetTask.Classification) dataset.task()).classCount() : 0;
        int batchesPerEpoch = trainingBatches(dataset.train().size(), settings.batchSize());
        if (batchesPerEpoch == 0) {
            throw new TrainingSetupException("The training split of " + dataset.name() + " is empty, so there is"
                    + " nothing to learn from. Check the dataset and the validation split.");
        }
        RunCheckpoint.Position start = resume == null ? RunCheckpoint.Position.START : resume.position();
        LearningRateSchedule schedule = new LearningRateSchedule(settings.schedule(),
                settings.optimizer().learningRate(), settings.epochs(), batchesPerEpoch);
        schedule.restoreFactor(start.rateFactor());
        ScheduleTracker tracker = new ScheduleTracker(schedule);
        Shape inputShape = withBatch(dataset.exampleShape());
        try (Model model = Model.newInstance(job.project().name(), device);
             StatefulOptimizer optimizer = OptimizerFactory.create(settings.optimizer(), tracker)
                     .averageWeights(settings.weightAverage())) {
            model.setBlock(block);
            RunGuidance guidance = resume == null ? job.guidance() : RunGuidance.fromManifest(resume.manifest());
            if (resume != null || !guidance.isNone()) {
                block.initialize(model.getNDManager(), model.getDataType(), inputShape);
            }
            if (resume != null) {
                try {
                    RunCheckpoint.restore(resume.folder(), block, model.getNDManager(), optimizer);
                } catch (IOException e) {
                    throw new TrainingSetupException("LayerLoom cannot resume the run " + resume.folder().id() + ": "
                            + e.getMessage());
                }
            }
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(optimizer)
                    .optDevices(new Device[] {device});
            // The guide loads its weights before the trainer, which keeps the parameter arrays it sees first.
            try (RunGuide guide = RunGuide.open(guidance, resume != null, block, model.getNDManager(),
                    dataset.exampleShape(), classes);
                 Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(inputShape);
                if (resume == null && guide.sourceRunId().isEmpty()) {
                    loadStartingWeights(block, trainer.getManager());
                } else if (resume == null) {
                    emit(new StartingWeightsLoaded(guide.sourceRunId(), guide.weightsLoaded(), 0, 0, guide.summary()));
                }
                initialized.accept(block);
                NDManager manager = trainer.getManager();
                try (SplitArrays train = SplitArrays.upload(dataset.train(), spec, manager, device);
                     SplitArrays validation = SplitArrays.upload(dataset.validation(), spec, manager, device);
                     SplitArrays test = SplitArrays.upload(dataset.test(), spec, manager, device);
                     NDManager probeScope = manager.newSubManager()) {
                    RunFolder folder = resume == null ? RunFolder.create(job.runsRoot(), LocalDateTime.now())
                            : resume.folder();
                    int threads = JniUtils.getNumThreads();
                    long parameters = block.trainableParameterCount();
                    RunManifest manifest = resume == null
                            ? RunManifest.begin(job, folder, device, threads, parameters - guide.heldZeros(),
                                    fingerprint)
                            : RunManifest.resume(resume.manifest(), job, device, threads, start, fingerprint);
                    Optional<ConvolutionKernelCheck.Result> convolutions = ConvolutionKernelCheck.check(block, manager,
                            settings.batchSize(), train.size());
                    convolutions.ifPresent(c -> manifest.convolutionKernels(c.agrees(), c.firstDifference()));
                    java.util.Map<String, Object> guidanceSection = guide.manifestSection();
                    if (resume == null && guidanceSection != null) {
                        manifest.guidance(guidanceSection);
                    }
                    folder.writeJson("manifest", manifest.asMap());
                    emit(RunStarted.builder().setRunId(folder.id()).setEpochs(settings.epochs(), batchesPerEpoch)
                            .optDevice(DeviceSelection.describe(device), threads)
                            .optExamples(train.size(), validation.size()).optParameters(parameters)
                            .optFirstBatch(start.epochsDone() + 1, start.batchesDone() + 1)
                            .optUntilStopped(job.untilStopped()).build());
                    emit(resume == null ? new StateChanged(RunState.RUNNING, 0, 0)
                            : new StateChanged(RunState.RUNNING, start.epochsDone() + 1, start.batchesDone() + 1));
                    ParameterUpdater updater = new ParameterUpdater(trainer, block, optimizer,
                            settings.optimizer().gradientClip());
                    FitLoop.Network net = new FitLoop.Network(trainer, block, loss, spec, classes, updater, optimizer,
                            guide);
                    List<EpochEnded> history = new ArrayList<>(resume == null ? List.of() : resume.history());
                    LiveInspection inspection = job.inspection().enabled()
                            ? LiveInspection.create(block, report.graph(), job.inspection(),
                                    (validation.size() > 0 ? validation : train).first(job.inspection().probeExamples(),
                                            probeScope), manager, dataset)
                            : null;
                    loop = new FitLoop(job, control, listener, net, schedule, tracker, manager, folder, history, start,
                            inspection, convolutions.map(ConvolutionKernelCheck.Result::agrees).orElse(false));
                    loop.fit(train, validation, batchesPerEpoch);
                    if (loop.failure() != null) {
                        manifest.end("failed", history.size(), loop.bestEpoch());
                        folder.writeJson("manifest", manifest.asMap());
                        fail(loop.failure(), "");
                        return;
                    }
                    finish(net, history.size(), test, folder, manifest, manager);
                }
            }
        }
    }

    /**
     * Puts the project's starting weights (an imported model's) into the new run's network, in place, and says
     * which took them; nothing when the project starts from its seed's weights.
     */
    private void loadStartingWeights(GraphBlock block, NDManager manager) throws TrainingSetupException {
        Optional<String> file = job.project().startingWeights();
        if (file.isEmpty()) {
            return;
        }
        Path path = job.runsRoot().toAbsolutePath().getParent().resolve(file.get());
        try (NDManager scope = manager.newSubManager()) {
            StartingWeights.Outcome outcome = StartingWeights.load(path, job.project().graph(), block, scope);
            emit(new StartingWeightsLoaded(file.get(), outcome.loaded().size(), outcome.fresh().size(),
                    outcome.unused().size(), outcome.summary(file.get())));
        } catch (IOException e) {
            throw new TrainingSetupException(e.getMessage() + " Import the model again, or remove \"startingWeights\""
                    + " from the project to start from the seed's weights.");
        }
    }

    /** Measures the best parameters on the test split and ends the run. */
    private void finish(FitLoop.Network net, int epochsDone, SplitArrays test, RunFolder folder, RunManifest manifest,
                        NDManager manager) throws IOException {
        GraphBlock block = net.block();
        UnaryOperator<NDList> forward = net.trainer()::evaluate;
        if (loop.bestEpoch() > 0) {
            // The trainer keeps the arrays it was initialised with, so run the loaded ones with a store of their own.
            folder.loadParameters(block, manager, RunFolder.BEST);
            ParameterStore store = new ParameterStore(manager, false);
            forward = inputs -> block.forward(store, inputs, false);
        }
        int examples = test.size();
        emit(new TestProgress(0, examples));
        Evaluation.Result result = Evaluation.run(forward, net.loss(), net.spec(), test, job.settings().batchSize(),
                net.classes(), manager, done -> emit(new TestProgress(Math.min(done, examples), examples)));
        TestMetrics metrics = TestMetricsFactory.from(result, job.dataset());
        folder.writeJson("test", metrics);
        boolean stopped = loop.stopped();
        manifest.end(stopped ? "stopped" : "completed", epochsDone, loop.bestEpoch());
        folder.writeJson("manifest", manifest.asMap());
        emit(new StateChanged(stopped ? RunState.STOPPED : RunState.FINISHED, loop.epoch(), loop.batch()));
        emit(RunFinished.builder().setRun(folder.id(), folder.dir().toString()).setEpochs(epochsDone, loop.bestEpoch())
                .setTest(metrics).optEnd(stopped, loop.endReason()).optSeconds(manifest.seconds()).build());
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

    static Shape withBatch(TensorShape shape) {
        long[] dims = new long[shape.rank() + 1];
        dims[0] = 1;
        for (int i = 0; i < shape.rank(); i++) {
            dims[i + 1] = shape.dim(i);
        }
        return new Shape(dims);
    }

    private void fail(String reason, String detail) {
        int epoch = loop == null ? 0 : loop.epoch();
        int batch = loop == null ? 0 : loop.batch();
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
