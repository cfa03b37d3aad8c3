package org.layerloom.app.train;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.layerloom.engine.text.Numbers;
import org.layerloom.app.fx.EventPump;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.train.TrainingRequest;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.WeightWatch;
import org.layerloom.app.train.step.StepViewModel;
import org.layerloom.engine.train.event.DataLoaded;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.RunState;
import org.layerloom.engine.train.event.StartingWeightsLoaded;
import org.layerloom.engine.train.event.StateChanged;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.TrainingEventVisitor;

/**
 * The live training view's state and commands, testable without the toolkit: Train (asks the
 * {@link TrainingLauncher} for a run of the current project; the session loads its dataset and trains on its
 * own worker, and its events go to the shared {@link EventPump}), Pause, Resume, Stop (also while the dataset
 * loads: the session ends the run), Step (one batch, then paused; its worked update goes to the
 * {@link StepViewModel}), slow motion (a pause between batches) and a new learning rate while paused. It reads each pulse's batch of events
 * into the phase, the progress line ({@link RunProgressTexts}), chart points for a {@link DashboardChartFeed}
 * and, at the end, a {@link RunResult} or a failure message.
 *
 * <p>Threads: construct and use on the JavaFX thread (the pump hands it batches there).
 */
public final class TrainingDashboardViewModel {

    private final Supplier<TrainableProject> projects;
    private final TrainingLauncher launcher;
    private final ObjectProperty<DashboardPhase> phase = new SimpleObjectProperty<>(this, "phase", DashboardPhase.IDLE);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final LiveRun live;
    private final Phases phases = new Phases();
    private final EventPump<TrainingEvent> pump;
    private Runnable runEnded = () -> { };
    private Function<TrainableProject, TrainingRequest> requests =
            p -> TrainingRequest.builder(p.project(), p.file()).build();
    private Consumer<Dataset> datasetLoaded = dataset -> { };
    private Consumer<Runnable> saveFirst;
    private final javafx.beans.property.DoubleProperty plannedRate =
            new javafx.beans.property.SimpleDoubleProperty(this, "plannedRate", Double.NaN);
    private final javafx.beans.property.BooleanProperty untilStopped =
            new javafx.beans.property.SimpleBooleanProperty(this, "untilStopped");
    private final javafx.beans.property.IntegerProperty moreEpochs =
            new javafx.beans.property.SimpleIntegerProperty(this, "moreEpochs", 5);
    private TrainingSession session;
    private RunState endState;
    private final StepViewModel steps = new StepViewModel(this::watch);
    private final javafx.beans.property.IntegerProperty slowMotion =
            new javafx.beans.property.SimpleIntegerProperty(this, "slowMotion", 0);
    private WeightWatch watched;

    /**
     * @param pump     the shared event pump; this subscribes to it and the sessions append to it
     * @param projects the current project (null when none is open)
     * @param launcher starts the runs ({@link TrainingLauncher#ENGINE} in the app)
     * @param clock    nanoseconds, for the time trained and the time left ({@code System::nanoTime})
     */
    public TrainingDashboardViewModel(EventPump<TrainingEvent> pump, Supplier<TrainableProject> projects,
                                      TrainingLauncher launcher, LongSupplier clock) {
        this.pump = Objects.requireNonNull(pump, "pump");
        this.projects = Objects.requireNonNull(projects, "projects");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.live = new LiveRun(clock);
        pump.subscribe(this::accept);
        slowMotion.addListener((o, was, millis) -> {
            if (session != null) {
                session.control().setSlowMotion(Math.max(0, millis.intValue()));
            }
        });
    }

    /** Where chart points go (the view's charts). */
    public void setChartFeed(DashboardChartFeed newFeed) {
        live.setFeed(newFeed);
    }

    /**
     * How a run of the current project is asked for (the app adds the device and threads from the settings,
     * early stopping and the inspection that the health view and the graph previews show). Called on the
     * JavaFX thread when Train is pressed; the request it makes carries those choices to the run's worker.
     */
    public void setRequests(Function<TrainableProject, TrainingRequest> newRequests) {
        requests = Objects.requireNonNull(newRequests, "newRequests");
    }

    /** Called with each run's dataset once it has loaded, on the run's worker (e.g. to draw its points). */
    public void setOnDatasetLoaded(Consumer<Dataset> action) {
        datasetLoaded = action == null ? dataset -> { } : action;
    }

    /**
     * How Train saves a project never saved: {@code saveAs} asks where (Save As) and runs its argument once the
     * project is written, so training starts right after; without it, Train asks the student to save first.
     */
    public void setSaveFirst(Consumer<Runnable> saveAs) {
        saveFirst = saveAs;
    }

    /** Called after a run ended (finished, stopped or failed), e.g. to re-read the run history. */
    public void setOnRunEnded(Runnable action) {
        runEnded = action == null ? () -> { } : action;
    }

    // ---- commands ------------------------------------------------------------------------------

    /**
     * Starts training the current project: the session loads its dataset, then trains its epochs, or on until
     * Stop when {@link #untilStoppedProperty()} is set.
     */
    public void train() {
        train(false);
    }

    /** Starts a run as {@link #train()}; with {@code stepFirst}, its first batch is a step and it pauses after it. */
    private void train(boolean stepFirst) {
        TrainableProject current = trainable();
        if (current == null) {
            return;
        }
        TrainingRequest request = requests.apply(current);
        launch(untilStopped.get() ? request.toBuilder().optUntilStopped(true).build() : request, stepFirst);
    }

    /**
     * Goes on training the last run (finished or stopped) from its last checkpoint, with its optimizer state, for
     * {@code moreEpochs} more epochs, or on until Stop when {@link #untilStoppedProperty()} is set; as
     * {@code layerloom train --resume} does. Its charts go on where they were.
     */
    public void continueTraining(int moreEpochs) {
        RunResult last = live.resultProperty().get();
        if (last == null) {
            message.set("Train a run first; then it can go on from its last epoch.");
            return;
        }
        continueRun(last.folder(), last.epochsDone(), moreEpochs);
    }

    /**
     * Goes on training the saved run in {@code runFolder}, which has trained {@code epochsDone} epochs, for
     * {@code moreEpochs} more (or until Stop when {@link #untilStoppedProperty()} is set), with the project's
     * settings: the network, the data, the optimizer and the batch size must be those the run was trained with (the
     * run says so otherwise).
     */
    public void continueRun(java.nio.file.Path runFolder, int epochsDone, int moreEpochs) {
        TrainableProject current = trainable();
        if (current == null) {
            return;
        }
        if (moreEpochs < 1) {
            message.set("Continue for at least 1 more epoch.");
            return;
        }
        TrainingRequest request = requests.apply(current);
        launch(request.toBuilder().optResumeFrom(runFolder)
                .optSettings(request.settings().withEpochs(epochsDone + moreEpochs))
                .optUntilStopped(untilStopped.get()).build(), false);
    }

    /**
     * Trains a new run that starts from the weights of the saved run in {@code runFolder}, holding its pruned (zero)
     * weights at zero, for {@code epochs} epochs: fine-tuning a pruned network as an ordinary run, with its charts,
     * saved in the history. The project's network must be the one the run was trained with (the run says so
     * otherwise). Returns whether the run started (not while another run is active, or without a saved project).
     */
    public boolean fineTune(java.nio.file.Path runFolder, int epochs) {
        TrainableProject current = trainable();
        if (current == null) {
            return false;
        }
        TrainingRequest request = requests.apply(current);
        launch(request.toBuilder().optStartFrom(runFolder, true).optSettings(request.settings().withEpochs(epochs))
                .build(), false);
        return true;
    }

    /**
     * Trains a new run of the project that learns from {@code teacher}'s outputs as well as from the labels
     * (knowledge distillation), with the project's settings, or on until Stop when {@link #untilStoppedProperty()}
     * is set.
     */
    public void trainLearningFrom(org.layerloom.engine.train.RunGuidance.Teacher teacher) {
        TrainableProject current = trainable();
        if (current == null) {
            return;
        }
        launch(requests.apply(current).toBuilder().optTeacher(teacher).optUntilStopped(untilStopped.get()).build(),
                false);
    }

    /** The project to train, or null (and a message) when there is none or it has no file for its runs. */
    private TrainableProject trainable() {
        if (phase.get().isActive()) {
            return null;
        }
        TrainableProject current = projects.get();
        if (current == null) {
            message.set("Open or create a project first.");
            return null;
        }
        if (!current.isSaved()) {
            if (saveFirst == null) {
                message.set("Save the project first: its runs are kept in a folder beside the project file.");
                return null;
            }
            message.set("Choose where to keep this project: its runs are kept in a folder beside the project file,"
                    + " and training starts once it is saved.");
            saveFirst.accept(() -> {
                TrainableProject saved = projects.get();
                if (saved != null && saved.isSaved()) {
                    train();
                }
            });
            return null;
        }
        return current;
    }

    private void launch(TrainingRequest request, boolean stepFirst) {
        endState = null;
        // A continued run keeps its charts' names: its guidance is in its manifest, not in this request.
        if (request.resumeFrom() == null) {
            live.trainingLossIs(request.guidance().teacher() != null ? "distillation loss" : "");
        }
        java.util.Map<String, String> nodeNames = new java.util.HashMap<>();
        request.project().graph().nodes().forEach(node -> nodeNames.put(node.id(), node.name()));
        steps.setNodeNames(nodeNames);
        live.clear();
        message.set("");
        phase.set(DashboardPhase.LOADING);
        WeightWatch weight = watched;
        long millis = Math.max(0, slowMotion.get());
        session = launcher.start(request, pump::append, control -> {
            control.setSlowMotion(millis);
            control.watch(weight);
            if (stepFirst) {
                control.step();
            }
        });
        session.dataset().thenAccept(datasetLoaded);
    }

    /**
     * Shows nothing of the last run (another project was opened): no progress, charts, result or message, phase
     * {@link DashboardPhase#IDLE}. Does nothing while a run is active (it goes on and stays shown); returns whether
     * it reset.
     */
    public boolean reset() {
        if (phase.get().isActive()) {
            return false;
        }
        session = null;
        endState = null;
        live.reset();
        message.set("");
        phase.set(DashboardPhase.IDLE);
        return true;
    }

    /**
     * Shows a saved run (the newest of a project just opened) as the last run: its result, curves and progress
     * line. Does nothing while a run is active.
     */
    public void showSaved(SavedRun saved) {
        if (phase.get().isActive()) {
            return;
        }
        live.showSaved(saved.result(), saved.epochs());
    }

    /** Re-reads the project's learning rate, which the learning-rate field shows between runs. */
    public void projectChanged() {
        TrainableProject current = projects.get();
        plannedRate.set(current == null ? Double.NaN : current.project().training().optimizer().learningRate());
    }

    /** The project's learning rate: the one the next run starts with. */
    public javafx.beans.property.ReadOnlyDoubleProperty plannedRateProperty() {
        return plannedRate;
    }

    /** How many more epochs Continue trains (5 at first). */
    public javafx.beans.property.IntegerProperty moreEpochsProperty() {
        return moreEpochs;
    }

    /** Whether Train and Continue train on until Stop rather than for a number of epochs. */
    public javafx.beans.property.BooleanProperty untilStoppedProperty() {
        return untilStopped;
    }

    /** Whether the last run can go on: it finished or was stopped, and its folder is known. */
    public BooleanBinding canContinue() {
        return Bindings.createBooleanBinding(() -> (phase.get() == DashboardPhase.FINISHED
                || phase.get() == DashboardPhase.STOPPED) && live.resultProperty().get() != null,
                phase, live.resultProperty());
    }

    public void pause() {
        if (session != null && phase.get() == DashboardPhase.RUNNING) {
            session.control().pause();
        }
    }

    /**
     * Trains exactly one batch, shown in the step view, and pauses: from a pause the next batch; while running the
     * next one after the current batch; with no run on, a new run (as Train) that pauses after its first batch.
     */
    public void step() {
        if (phase.get() == DashboardPhase.STOPPING) {
            return;
        }
        if (!phase.get().isActive()) {
            train(true);
        } else if (session != null) {
            session.control().step();
        }
    }

    /** Records {@code weight} in the steps of the current run and of the runs that follow. */
    public void watch(WeightWatch weight) {
        watched = weight;
        if (session != null) {
            session.control().watch(weight);
        }
    }

    /** Slow motion: the pause in milliseconds the run makes before each batch (0: none), taken at once. */
    public javafx.beans.property.IntegerProperty slowMotionProperty() {
        return slowMotion;
    }

    /** The step view's state: the last step and the weight to watch. */
    public StepViewModel steps() {
        return steps;
    }

    public void resume() {
        if (session != null && phase.get() == DashboardPhase.PAUSED) {
            session.control().resume();
        }
    }

    /** Stops the run after its current batch (it keeps its checkpoints and is tested), or while its data loads. */
    public void stop() {
        if (session != null) {
            session.control().stop();
        }
        if (phase.get().isActive()) {
            phase.set(DashboardPhase.STOPPING);
        }
    }

    /**
     * For quitting: asks a running session to stop and waits at most {@code timeout} for its worker to
     * save the run and end. Returns whether it ended in time (true when nothing runs).
     */
    public boolean stopAndWait(Duration timeout) {
        TrainingSession running = session;
        stop();
        return running == null || running.stopAndWait(timeout);
    }

    /**
     * Lets the running session (paused or not) train on with {@code rate} from its next batch, as the
     * coach's Apply does; a marker appears on the charts when the run takes it. Returns whether a run
     * was there to take it.
     */
    public boolean applyLearningRate(double rate) {
        if (session == null || !phase.get().isActive() || phase.get() == DashboardPhase.STOPPING) {
            return false;
        }
        session.control().setLearningRate(rate);
        return true;
    }

    /**
     * Asks the paused run to go on with the learning rate typed in {@code text}; a marker appears on the
     * charts when the run takes it.
     *
     * @return whether it was accepted (otherwise {@link #messageProperty()} says why)
     */
    public boolean changeLearningRate(String text) {
        if (session == null || phase.get() != DashboardPhase.PAUSED) {
            message.set("Pause the run to change its learning rate.");
            return false;
        }
        LearningRateInput input = LearningRateInput.parse(text);
        if (input.problem() != null) {
            message.set(input.problem());
            return false;
        }
        session.control().setLearningRate(input.rate());
        message.set("The run goes on with learning rate " + Numbers.rate(input.rate()) + " when you resume.");
        return true;
    }

    // ---- events --------------------------------------------------------------------------------

    /** Reads one pulse's batch of events (the pump calls this) and redraws the charts once. */
    public void accept(List<TrainingEvent> batch) {
        for (TrainingEvent event : batch) {
            event.accept(live);
            event.accept(phases);
            event.accept(steps);
        }
        live.flush();
        tick();
    }

    /** Moves the phase on as the run's events tell; the live run has read them first. */
    private final class Phases implements TrainingEventVisitor {

        @Override
        public void dataLoaded(DataLoaded event) {
            if (phase.get() == DashboardPhase.LOADING) {
                phase.set(DashboardPhase.STARTING);
            }
            if (!event.notes().isEmpty() || event.use().leftOutTotal() > 0) {
                message.set(DataLoadedMessage.of(event));
            }
        }

        @Override
        public void runStarted(RunStarted event) {
            if (phase.get() != DashboardPhase.STOPPING) {
                phase.set(DashboardPhase.RUNNING);
            }
        }

        @Override
        public void stateChanged(StateChanged event) {
            DashboardPhase was = phase.get();
            switch (event.state()) {
                case PAUSED -> phase.set(DashboardPhase.PAUSED);
                case RUNNING -> {
                    if (was == DashboardPhase.PAUSED) {
                        message.set("");
                    }
                    if (was != DashboardPhase.STOPPING) {
                        phase.set(DashboardPhase.RUNNING);
                    }
                }
                case STARTING -> {
                    if (was != DashboardPhase.STOPPING && was != DashboardPhase.LOADING) {
                        phase.set(DashboardPhase.STARTING);
                    }
                }
                case STOPPING -> phase.set(DashboardPhase.STOPPING);
                default -> endState = event.state(); // the end itself is told by RunFinished or RunFailed
            }
        }

        @Override
        public void startingWeightsLoaded(StartingWeightsLoaded event) {
            message.set(event.summary());
        }

        @Override
        public void runFinished(RunFinished event) {
            phase.set(event.stoppedEarly() ? DashboardPhase.STOPPED : DashboardPhase.FINISHED);
            ended();
        }

        @Override
        public void runFailed(RunFailed event) {
            message.set(event.reason());
            phase.set(endState == RunState.STOPPED ? DashboardPhase.STOPPED : DashboardPhase.FAILED);
            ended();
        }
    }

    private void ended() {
        session = null;
        runEnded.run();
    }

    /** Updates the time trained and the time left; the view calls it every second as well. */
    public void tick() {
        if (phase.get().isActive()) {
            live.tick();
        }
    }

    // ---- read-only state -----------------------------------------------------------------------

    public ReadOnlyObjectProperty<DashboardPhase> phaseProperty() {
        return phase;
    }

    /** Whether the phase passes {@code test} (e.g. {@link DashboardPhase#canPause}), for the buttons. */
    public BooleanBinding whilePhase(Predicate<DashboardPhase> test) {
        return Bindings.createBooleanBinding(() -> test.test(phase.get()), phase);
    }

    /** What the dashboard shows of the current (or last) run: charts, progress line, best epoch, result. */
    public LiveRun live() {
        return live;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** How the last run ended, or null while none has. */
    public ReadOnlyObjectProperty<RunResult> resultProperty() {
        return live.resultProperty();
    }

    /** Whether a session is running now (for tests and for closing the window). */
    public boolean hasSession() {
        return session != null;
    }
}
