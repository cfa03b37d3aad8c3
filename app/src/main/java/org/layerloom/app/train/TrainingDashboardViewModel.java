package org.layerloom.app.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.layerloom.app.fx.EventPump;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.EngineWarmUp;
import org.layerloom.engine.train.ProjectData;
import org.layerloom.engine.train.TrainingJob;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.CheckpointSaved;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.LearningRateChanged;
import org.layerloom.engine.train.event.OutputNotFinite;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.StateChanged;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.TrainingEventVisitor;

/**
 * The live training view's state and commands, testable without the toolkit: Train (loads the current
 * project's dataset on the background executor and starts a {@link TrainingSession} whose events go to
 * the shared {@link EventPump}), Pause, Resume, Stop and a new learning rate while paused; it reads each
 * pulse's batch of events into progress texts (epoch and batch, samples per second, time trained and
 * left, device and threads, best epoch), chart points for a {@link DashboardChartFeed} and, at the end,
 * a {@link RunResult} or a failure message.
 *
 * <p>Threads: construct and use on the JavaFX thread (the pump hands it batches there); the dataset is
 * loaded and the session started on {@code background}.
 */
public final class TrainingDashboardViewModel {

    private final Supplier<TrainableProject> projects;
    private final Executor background;
    private final LongSupplier clock;
    private final EventPump<TrainingEvent> pump;
    private final AtomicReference<TrainingSession> session = new AtomicReference<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ObjectProperty<DashboardPhase> phase = new SimpleObjectProperty<>(this, "phase", DashboardPhase.IDLE);
    private final StringProperty epochText = new SimpleStringProperty(this, "epochText", "Epoch –");
    private final StringProperty batchText = new SimpleStringProperty(this, "batchText", "batch –");
    private final StringProperty speedText = new SimpleStringProperty(this, "speedText", "– samples/s");
    private final StringProperty elapsedText = new SimpleStringProperty(this, "elapsedText", "0:00");
    private final StringProperty etaText = new SimpleStringProperty(this, "etaText", "–");
    private final StringProperty deviceText = new SimpleStringProperty(this, "deviceText", "–");
    private final StringProperty bestText = new SimpleStringProperty(this, "bestText", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", Double.NaN);
    private final ObjectProperty<RunResult> result = new SimpleObjectProperty<>(this, "result");
    private final List<EpochEnded> epochs = new ArrayList<>();
    private final FailedLayerLink failedLayer = new FailedLayerLink();
    private DashboardChartFeed feed = new NoFeed();
    private Runnable runEnded = () -> { };
    private volatile UnaryOperator<TrainingJob> jobOptions = UnaryOperator.identity();
    private RunStarted started;
    private int bestEpoch;
    private long startNanos;
    private long pausedNanos;
    private long pauseBegan = -1;
    private long stepsThisSession;
    private long stepsDone;
    private long totalSteps;

    /**
     * @param pump       the shared event pump; this subscribes to it
     * @param projects   the current project (null when none is open)
     * @param background where the dataset is loaded and the session started
     * @param clock      nanoseconds, for the time trained and the time left ({@code System::nanoTime})
     */
    public TrainingDashboardViewModel(EventPump<TrainingEvent> pump, Supplier<TrainableProject> projects,
                                      Executor background, LongSupplier clock) {
        this.pump = Objects.requireNonNull(pump, "pump");
        this.projects = Objects.requireNonNull(projects, "projects");
        this.background = Objects.requireNonNull(background, "background");
        this.clock = Objects.requireNonNull(clock, "clock");
        pump.subscribe(this::accept);
    }

    /** Where chart points go (the view's charts). */
    public void setChartFeed(DashboardChartFeed newFeed) {
        feed = newFeed == null ? new NoFeed() : newFeed;
    }

    /**
     * How each new run's job is finished before it starts (the app sets the device and threads from the
     * settings and turns on the inspection that the health view and the graph previews show). Called on the
     * background executor.
     */
    public void setJobOptions(UnaryOperator<TrainingJob> options) {
        jobOptions = options == null ? UnaryOperator.identity() : options;
    }

    /**
     * For quitting: asks a running session to stop and waits at most {@code timeout} for its worker to
     * save the run and end. Returns whether it ended in time (true when nothing runs).
     */
    public boolean stopAndWait(Duration timeout) {
        TrainingSession s = session.get();
        stop();
        if (s == null) {
            return true;
        }
        try {
            s.outcome().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Lets the running session (paused or not) train on with {@code rate} from its next batch, as the
     * coach's Apply does; a marker appears on the charts when the run takes it. Returns whether a run
     * was there to take it.
     */
    public boolean applyLearningRate(double rate) {
        TrainingSession s = session.get();
        if (s == null || !phase.get().isActive() || phase.get() == DashboardPhase.STOPPING) {
            return false;
        }
        s.control().setLearningRate(rate);
        return true;
    }

    /** Called after a run ended (finished, stopped or failed), e.g. to re-read the run history. */
    public void setOnRunEnded(Runnable action) {
        runEnded = action == null ? () -> { } : action;
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Starts training the current project: its dataset loads in the background, then the run starts. */
    public void train() {
        if (phase.get().isActive()) {
            return;
        }
        TrainableProject current = projects.get();
        if (current == null) {
            message.set("Open or create a project first.");
            return;
        }
        if (!current.isSaved()) {
            message.set("Save the project first: its runs are kept in a folder beside the project file.");
            return;
        }
        cancelled.set(false);
        started = null;
        session.set(null);
        result.set(null);
        message.set("");
        failedLayer.clear();
        phase.set(DashboardPhase.LOADING);
        EngineWarmUp.start();
        background.execute(() -> launch(current));
    }

    private void launch(TrainableProject current) {
        Dataset dataset;
        try {
            dataset = ProjectData.load(current.project(), current.folder(), current.project().training(), 0,
                    ProgressListener.none());
        } catch (Exception | LinkageError e) {
            pump.append(new RunFailed("The dataset could not be loaded: " + e.getMessage(), "", 0, 0));
            return;
        }
        if (cancelled.get()) {
            pump.append(new RunFailed("Stopped before training began.", "", 0, 0));
            return;
        }
        TrainingJob job = jobOptions.apply(TrainingJob.of(current.project(), dataset, current.runsRoot()));
        TrainingSession started = TrainingSession.start(job, pump::append);
        session.set(started);
        if (cancelled.get()) {
            started.control().stop();
        }
    }

    public void pause() {
        TrainingSession s = session.get();
        if (s != null && phase.get() == DashboardPhase.RUNNING) {
            s.control().pause();
        }
    }

    public void resume() {
        TrainingSession s = session.get();
        if (s != null && phase.get() == DashboardPhase.PAUSED) {
            s.control().resume();
        }
    }

    /** Stops the run after its current batch (it keeps its checkpoints and is tested), or cancels loading. */
    public void stop() {
        cancelled.set(true);
        TrainingSession s = session.get();
        if (s != null) {
            s.control().stop();
        }
        if (phase.get().isActive()) {
            phase.set(DashboardPhase.STOPPING);
        }
    }

    /**
     * Asks the paused run to go on with the learning rate typed in {@code text}; a marker appears on the
     * charts when the run takes it.
     *
     * @return whether it was accepted (otherwise {@link #messageProperty()} says why)
     */
    public boolean changeLearningRate(String text) {
        TrainingSession s = session.get();
        if (s == null || phase.get() != DashboardPhase.PAUSED) {
            message.set("Pause the run to change its learning rate.");
            return false;
        }
        double rate;
        try {
            rate = Double.parseDouble(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            message.set("\"" + text.strip() + "\" is not a number; type a learning rate such as 0.001.");
            return false;
        }
        if (!(rate > 0) || rate > 10 || Double.isInfinite(rate)) {
            message.set("A learning rate is a number above 0 and at most 10, such as 0.001.");
            return false;
        }
        s.control().setLearningRate(rate);
        message.set("The run goes on with learning rate " + Numbers.rate(rate) + " when you resume.");
        return true;
    }

    // ---- events --------------------------------------------------------------------------------

    /** Reads one pulse's batch of events (the pump calls this) and redraws the charts once. */
    public void accept(List<TrainingEvent> batch) {
        Reader reader = new Reader();
        batch.forEach(event -> event.accept(reader));
        if (reader.charted) {
            feed.flush();
        }
        tick();
    }

    /** Reads one pulse's events into the dashboard; notes whether a chart got new points. */
    private final class Reader implements TrainingEventVisitor {
        boolean charted;

        @Override
        public void runStarted(RunStarted event) {
            TrainingDashboardViewModel.this.runStarted(event);
            charted = true;
        }

        @Override
        public void batchEnded(BatchEnded event) {
            TrainingDashboardViewModel.this.batchEnded(event);
            charted = true;
        }

        @Override
        public void epochEnded(EpochEnded event) {
            epochs.add(event);
            feed.epoch(event);
            charted = true;
        }

        @Override
        public void learningRateChanged(LearningRateChanged c) {
            int perEpoch = started == null ? 1 : Math.max(1, started.batchesPerEpoch());
            double x = (c.epoch() - 1) + (double) Math.max(0, c.batch() - 1) / perEpoch;
            feed.marker(x, "lr " + Numbers.rate(c.from()) + " → " + Numbers.rate(c.to()) + " at epoch " + c.epoch());
            learningRate.set(c.to());
            charted = true;
        }

        @Override
        public void checkpointSaved(CheckpointSaved event) {
            if (event.best()) {
                bestEpoch = event.epoch();
                bestText.set("best so far: epoch " + event.epoch());
            }
        }

        @Override
        public void stateChanged(StateChanged event) {
            TrainingDashboardViewModel.this.stateChanged(event);
        }

        @Override
        public void runFinished(RunFinished event) {
            finished(event);
        }

        @Override
        public void outputNotFinite(OutputNotFinite event) {
            failedLayer.show(event);
        }

        @Override
        public void runFailed(RunFailed event) {
            message.set(event.reason());
            phase.set(cancelled.get() && started == null ? DashboardPhase.STOPPED : DashboardPhase.FAILED);
            session.set(null);
            runEnded.run();
        }
    }

    private void runStarted(RunStarted s) {
        started = s;
        failedLayer.clear();
        epochs.clear();
        bestEpoch = 0;
        bestText.set("");
        startNanos = clock.getAsLong();
        pausedNanos = 0;
        pauseBegan = -1;
        stepsThisSession = 0;
        totalSteps = (long) s.epochs() * s.batchesPerEpoch();
        stepsDone = (long) (s.firstEpoch() - 1) * s.batchesPerEpoch() + s.firstBatch() - 1;
        deviceText.set(s.device().toUpperCase(Locale.ROOT) + " · " + s.threads()
                + (s.threads() == 1 ? " thread" : " threads"));
        epochText.set("Epoch " + s.firstEpoch() + " of " + s.epochs());
        feed.reset();
        if (phase.get() != DashboardPhase.STOPPING) {
            phase.set(DashboardPhase.RUNNING);
        }
    }

    private void batchEnded(BatchEnded b) {
        double x = (b.epoch() - 1) + (double) b.batch() / Math.max(1, b.batchesInEpoch());
        feed.batch(x, b.loss(), b.accuracy(), b.learningRate());
        stepsThisSession++;
        stepsDone = (long) (b.epoch() - 1) * b.batchesInEpoch() + b.batch();
        epochText.set("Epoch " + b.epoch() + " of " + (started == null ? "?" : started.epochs()));
        batchText.set("batch " + b.batch() + " of " + b.batchesInEpoch());
        speedText.set(Numbers.count(b.samplesPerSecond()) + " samples/s");
        learningRate.set(b.learningRate());
        progress.set(totalSteps == 0 ? 0 : Math.min(1, (double) stepsDone / totalSteps));
    }

    private void stateChanged(StateChanged c) {
        long now = clock.getAsLong();
        switch (c.state()) {
            case PAUSED -> {
                pauseBegan = now;
                phase.set(DashboardPhase.PAUSED);
            }
            case RUNNING -> {
                if (pauseBegan >= 0) {
                    pausedNanos += now - pauseBegan;
                    pauseBegan = -1;
                    message.set("");
                }
                if (phase.get() != DashboardPhase.STOPPING) {
                    phase.set(DashboardPhase.RUNNING);
                }
            }
            case STARTING -> phase.set(phase.get() == DashboardPhase.STOPPING ? DashboardPhase.STOPPING
                    : DashboardPhase.STARTING);
            case STOPPING -> phase.set(DashboardPhase.STOPPING);
            default -> {
                // the end is told by RunFinished or RunFailed
            }
        }
    }

    private void finished(RunFinished f) {
        double bestLoss = epochs.stream().filter(e -> e.epoch() == f.bestEpoch()).mapToDouble(EpochEnded::validationLoss)
                .findFirst().orElse(Double.NaN);
        result.set(new RunResult(f.test(), f.bestEpoch(), bestLoss, f.epochsDone(), f.reason(), Path.of(f.runFolder()),
                f.seconds()));
        phase.set(f.stoppedEarly() ? DashboardPhase.STOPPED : DashboardPhase.FINISHED);
        if (f.bestEpoch() > 0) {
            bestText.set("best: epoch " + f.bestEpoch());
        }
        etaText.set("done");
        session.set(null);
        runEnded.run();
    }

    /** Updates the time trained and the time left; the view calls it every second as well. */
    public void tick() {
        if (started == null || !phase.get().isActive()) {
            return;
        }
        long now = clock.getAsLong();
        double active = (now - startNanos - pausedNanos - (pauseBegan >= 0 ? now - pauseBegan : 0)) / 1e9;
        elapsedText.set(Numbers.clock(active));
        if (stepsThisSession > 0 && active > 0 && totalSteps > stepsDone) {
            double perSecond = stepsThisSession / active;
            etaText.set("about " + Numbers.clock((totalSteps - stepsDone) / perSecond) + " left");
        }
    }

    // ---- read-only state -----------------------------------------------------------------------

    public ReadOnlyObjectProperty<DashboardPhase> phaseProperty() {
        return phase;
    }

    public BooleanBinding canTrainBinding() {
        return Bindings.createBooleanBinding(() -> !phase.get().isActive(), phase);
    }

    public BooleanBinding canPauseBinding() {
        return Bindings.createBooleanBinding(() -> phase.get() == DashboardPhase.RUNNING, phase);
    }

    public BooleanBinding canResumeBinding() {
        return Bindings.createBooleanBinding(() -> phase.get() == DashboardPhase.PAUSED, phase);
    }

    public BooleanBinding canStopBinding() {
        return Bindings.createBooleanBinding(() -> phase.get().isActive() && phase.get() != DashboardPhase.STOPPING,
                phase);
    }

    /** While paused, the learning rate may change. */
    public BooleanBinding canChangeLearningRateBinding() {
        return canResumeBinding();
    }

    public ReadOnlyStringProperty epochTextProperty() {
        return epochText;
    }

    public ReadOnlyStringProperty batchTextProperty() {
        return batchText;
    }

    public ReadOnlyStringProperty speedTextProperty() {
        return speedText;
    }

    public ReadOnlyStringProperty elapsedTextProperty() {
        return elapsedText;
    }

    public ReadOnlyStringProperty etaTextProperty() {
        return etaText;
    }

    public ReadOnlyStringProperty deviceTextProperty() {
        return deviceText;
    }

    public ReadOnlyStringProperty bestTextProperty() {
        return bestText;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The layer the last failure names (its output was not a number), for a link to the editor. */
    public FailedLayerLink failedLayer() {
        return failedLayer;
    }

    /** The run's progress from 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** The learning rate of the last batch. */
    public ReadOnlyDoubleProperty learningRateProperty() {
        return learningRate;
    }

    /** How the last run ended, or null while none has. */
    public ReadOnlyObjectProperty<RunResult> resultProperty() {
        return result;
    }

    /** The epochs of the current (or last) run. */
    public List<EpochEnded> epochs() {
        return List.copyOf(epochs);
    }

    /** The best epoch so far (by validation loss), or 0. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** Whether a session is running now (for tests and for closing the window). */
    public boolean hasSession() {
        return session.get() != null;
    }

    private static final class NoFeed implements DashboardChartFeed {
        @Override
        public void reset() {
        }

        @Override
        public void batch(double x, double loss, double accuracy, double learningRate) {
        }

        @Override
        public void epoch(EpochEnded epoch) {
        }

        @Override
        public void marker(double x, String label) {
        }

        @Override
        public void flush() {
        }
    }
}
