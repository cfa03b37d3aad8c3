package org.layerloom.app;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import org.layerloom.app.coach.CoachPanel;
import org.layerloom.app.coach.CoachViewModel;
import org.layerloom.app.fx.EventPump;
import org.layerloom.app.health.HealthView;
import org.layerloom.app.health.HealthViewModel;
import org.layerloom.app.inspect.InspectView;
import org.layerloom.app.train.DashboardPhase;
import org.layerloom.app.train.DashboardTrainingActions;
import org.layerloom.app.train.SavedRun;
import org.layerloom.app.train.TrainableProject;
import org.layerloom.app.train.TrainingDashboardView;
import org.layerloom.app.train.settings.TrainingSettingsView;
import org.layerloom.app.train.settings.TrainingSettingsViewModel;
import org.layerloom.app.ui.Area;
import org.layerloom.app.ui.TrainingActions;
import org.layerloom.app.workspace.Settings;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.editor.view.EditorPane;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.TrainingEventVisitor;

/**
 * The Train and Inspect areas and what joins them: one {@link EventPump} that the training worker fills
 * and that is drained once per pulse into the dashboard, the training-health view (and through it the
 * editor's graph overlay), the coach and the inspect view; the coach's Apply buttons reach the run, the
 * project's settings and the editor's undoable edits; a run's "open for inspection" and a click on its
 * confusion matrix lead to the Inspect area. Built by the composition root; JavaFX thread only.
 */
final class LearningAreas {

    private final ProjectSession session;
    private final EventPump<TrainingEvent> pump = new EventPump<>();
    private final TrainingDashboardView dashboard;
    private final InspectView inspect;
    private final HealthView health;
    private final CoachPanel coach;
    private final TrainingActions actions;
    private final RunOptions options;
    private static final int PLANE_POINTS = 1_000;
    private final TrainingSettingsViewModel settingsModel;
    private Path lastRun;
    private final CoachViewModel coachModel;
    private final org.layerloom.editor.fx.LatestResult<java.util.Optional<SavedRun>> savedRun;
    private java.util.Optional<Path> shownFile;
    /** The project file of the run started last (its coach cards change that project only). */
    private java.util.Optional<Path> runFile = java.util.Optional.empty();

    /**
     * @param session    the open project (the project trained, its runs, its settings; undoable coach edits)
     * @param editor     the model editor (the graph overlay, the layer a click leads to)
     * @param settings   the user's settings (device and threads of new runs)
     * @param files      a daemon executor for reading and changing run folders
     * @param compute    a daemon executor for the Inspect area's engine work
     * @param showArea   brings an area of the main window to the front
     * @param threads    sets the user's engine threads (the coach's Apply)
     */
    LearningAreas(ProjectSession session, EditorPane editor, ObservableValue<Settings> settings, Executor files,
                  Executor compute,
                  Consumer<Area> showArea,
                  java.util.function.IntConsumer threads) {
        this.session = session;
        options = new RunOptions(settings::getValue);
        ObservableValue<Theme> theme = settings.map(Settings::theme);
        health = new HealthView(new HealthViewModel(this::nodeName), editor.healthOverlay(), theme);
        CoachActions coachActions = new CoachActions(session, threads);
        coachModel = new CoachViewModel(coachActions::context, this::nodeName, coachActions::apply,
                coachActions::apply, coachActions::apply);
        coach = new CoachPanel(coachModel);
        savedRun = new org.layerloom.editor.fx.LatestResult<>("Reading the project's last run", files,
                Platform::runLater);
        shownFile = session.file();
        inspect = new InspectView(compute, Platform::runLater, theme);
        dashboard = new TrainingDashboardView(pump, this::trainableProject, files, run -> {
            openForInspection(run);
            showArea.accept(Area.INSPECT);
        }, coach, theme);
        dashboard.setId("train-area");
        inspect.setId("inspect-area");
        dashboard.viewModel().setRequests(options::request);
        dashboard.viewModel().setOnDatasetLoaded(this::sharePlanePoints);
        dashboard.viewModel().setSaveFirst(session::saveAs);
        dashboard.addTab("Training health", health);
        settingsModel = new TrainingSettingsViewModel(() -> session.project().training(),
                (change, name, key) -> session.updateSettings(p -> p.withTraining(change.apply(p.training())), name,
                        key));
        settingsModel.useLocks(id -> org.layerloom.app.assignment.SettingLocks.reason(session.project().assignment(),
                id));
        session.addListener(settingsModel::refresh);
        dashboard.addTab("Settings", new TrainingSettingsView(settingsModel));
        dashboard.setOnConfusionCellChosen((actual, predicted) -> {
            if (lastRun != null) {
                openForInspection(lastRun);
                inspect.showErrors(actual, predicted);
                showArea.accept(Area.INSPECT);
            }
        });
        dashboard.setOnShowLayer(nodeId -> {
            showArea.accept(Area.MODEL);
            editor.showNode(nodeId);
        });
        coachActions.useDashboard(dashboard.viewModel());
        actions = new DashboardTrainingActions(dashboard.viewModel());
        pump.subscribe(this::eventsDidArrive);
        session.addListener(dashboard::projectChanged);
        session.addListener(this::projectMaybeSwitched);
        showNewestRun();
    }

    /**
     * When another project is open (another file, or a new one) and no run is active, nothing of the last project's
     * run stays: the dashboard's progress, charts and result, the coach's cards, the training health (its tab and the
     * editor's overlay) and the run open in Inspect go, and the project's newest saved run (if any) is shown in Train
     * and opened for Inspect. A run that is active goes on
     * and stays shown; it keeps saving into its own project's runs.
     */
    private void projectMaybeSwitched() {
        java.util.Optional<Path> file = session.file();
        if (file.equals(shownFile)) {
            return;
        }
        shownFile = file;
        if (!dashboard.viewModel().reset()) {
            coachModel.holdActions(file.equals(runFile) ? "" : "These cards are about the run of "
                    + runFile.map(f -> f.getFileName().toString()).orElse("the project trained before")
                    + ", which is still training. Open that project again to apply them.");
            return;
        }
        coachModel.clear();
        health.model().clear();
        lastRun = null;
        inspect.model().close();
        inspect.model().clearLive();
        showNewestRun();
    }

    /** Reads the open project's newest tested run in the background and shows it in Train and Inspect. */
    private void showNewestRun() {
        java.util.Optional<Path> file = session.file();
        if (file.isEmpty()) {
            savedRun.cancel();
            return;
        }
        Path runs = org.layerloom.engine.train.history.RunFiles.runsRootOf(file.get());
        savedRun.submit(ticket -> SavedRun.newest(runs), found -> found.ifPresent(run -> {
            if (session.file().equals(file) && !dashboard.viewModel().phaseProperty().get().isActive()
                    && lastRun == null) {
                dashboard.viewModel().showSaved(run);
                lastRun = run.result().folder();
                openForInspection(lastRun);
            }
        }), failed -> { }); // the run history says why the runs cannot be read
    }

    /** Starts draining the worker's events once per pulse; call when the window is shown. */
    void start() {
        pump.start();
    }

    /** Stops draining (the app quits). */
    void stop() {
        pump.stop();
    }

    /**
     * Trains the open project with the dashboard, then opens the run in the inspect view and, once that has
     * read it, runs {@code after} (for the screenshots command).
     */
    void trainThen(Runnable after) {
        var phase = dashboard.viewModel().phaseProperty();
        javafx.beans.value.ChangeListener<DashboardPhase> ended = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends DashboardPhase> o,
                                DashboardPhase was, DashboardPhase is) {
                if (is.isActive() || is == DashboardPhase.IDLE) {
                    return;
                }
                phase.removeListener(this);
                // The phase changes while the dashboard reads the pulse's events; the run's folder is known
                // once every subscriber has read them.
                Platform.runLater(() -> {
                    if (lastRun == null) {
                        after.run();
                        return;
                    }
                    openForInspection(lastRun);
                    WhenIdle.then(inspect.model().busyProperty(), after);
                });
            }
        };
        phase.addListener(ended);
        actions.start();
    }

    /** Offers GPU among the devices of the settings panel once the engine reports one. */
    void useEngine(ObservableValue<java.util.Optional<org.layerloom.engine.train.EngineInfo>> engine) {
        java.util.function.Consumer<java.util.Optional<org.layerloom.engine.train.EngineInfo>> seen =
                info -> settingsModel.setGpuSeen(info.map(i -> i.gpus() > 0).orElse(false));
        engine.addListener((o, a, b) -> seen.accept(b));
        seen.accept(engine.getValue());
    }

    TrainingSettingsViewModel settingsModel() {
        return settingsModel;
    }

    TrainingDashboardView dashboard() {
        return dashboard;
    }

    CoachPanel coach() {
        return coach;
    }

    InspectView inspect() {
        return inspect;
    }

    HealthView health() {
        return health;
    }

    TrainingActions actions() {
        return actions;
    }

    private void eventsDidArrive(java.util.List<TrainingEvent> batch) {
        TrainingEventVisitor runs = new TrainingEventVisitor() {
            @Override
            public void runStarted(RunStarted event) {
                if (!event.isResumed()) {
                    inspect.model().clearLive();
                }
                runFile = session.file();
            }

            @Override
            public void runFinished(RunFinished event) {
                lastRun = Path.of(event.runFolder());
            }
        };
        batch.forEach(event -> event.accept(runs));
        health.onEvents(batch);
        coach.onEvents(batch);
        inspect.onEvents(batch);
    }

    /**
     * For 2-D data, hands the inspect view's live decision map up to 1,000 training points to draw over it.
     * Called on the run's worker once its dataset has loaded.
     */
    private void sharePlanePoints(Dataset dataset) {
        Examples train = dataset.train();
        if (train.exampleSize() != 2 || !(train.labels() instanceof ClassLabels labels)
                || !(train.features() instanceof RealFeatures features)) {
            return;
        }
        int count = Math.min(PLANE_POINTS, train.size());
        float[][] xy = new float[2][count];
        int[] classes = new int[count];
        for (int i = 0; i < count; i++) {
            xy[0][i] = features.get(2 * i);
            xy[1][i] = features.get(2 * i + 1);
            classes[i] = labels.get(i);
        }
        Platform.runLater(() -> inspect.model().setPlanePoints(xy, classes));
    }

    /** Opens {@code run} in the Inspect area with the data it was trained on (its manifest says which). */
    private void openForInspection(Path run) {
        inspect.openRun(run);
    }

    private TrainableProject trainableProject() {
        return new TrainableProject(session.project(), session.file().orElse(null));
    }

    private String nodeName(String nodeId) {
        NetworkGraph graph = session.editor().graph();
        return graph.node(nodeId).map(Node::name).orElse(nodeId);
    }
}
