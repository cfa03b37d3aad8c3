package org.layerloom.app;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import org.layerloom.app.coach.CoachPanel;
import org.layerloom.app.coach.CoachViewModel;
import org.layerloom.app.fx.EventPump;
import org.layerloom.app.health.HealthView;
import org.layerloom.app.health.HealthViewModel;
import org.layerloom.app.inspect.InspectView;
import org.layerloom.app.train.DashboardTrainingActions;
import org.layerloom.app.train.TrainableProject;
import org.layerloom.app.train.TrainingDashboardView;
import org.layerloom.app.ui.Area;
import org.layerloom.app.ui.TrainingActions;
import org.layerloom.app.workspace.Settings;
import org.layerloom.editor.view.EditorPane;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * The Train and Inspect areas and what joins them: one {@link EventPump} that the training worker fills
 * and that is drained once per pulse into the dashboard, the training-health view (and through it the
 * editor's graph overlay), the coach and the inspect view; the coach's Apply buttons reach the run, the
 * project's settings and the editor's undoable edits; a run's "open for inspection" and a click on its
 * confusion matrix lead to the Inspect area. Built by the composition root; JavaFX thread only.
 */
final class LearningAreas {

    private final EditorPane editor;
    private final EventPump<TrainingEvent> pump = new EventPump<>();
    private final TrainingDashboardView dashboard;
    private final InspectView inspect;
    private final HealthView health;
    private final CoachPanel coach;
    private final TrainingActions actions;
    private final RunOptions options;
    private Path lastRun;

    /**
     * @param editor     the model editor (the project trained, the graph overlay, undoable coach edits)
     * @param settings   the user's settings (device and threads of new runs)
     * @param background a daemon executor for datasets, runs and inspection
     * @param showArea   brings an area of the main window to the front
     * @param storeTraining saves a change of the project's training settings (the coach's Apply)
     * @param threads    sets the user's engine threads (the coach's Apply)
     */
    LearningAreas(EditorPane editor, ObservableValue<Settings> settings, Executor background,
                  Consumer<Area> showArea, ProjectSettingsChange storeTraining,
                  java.util.function.IntConsumer threads) {
        this.editor = editor;
        options = new RunOptions(settings::getValue);
        health = new HealthView(new HealthViewModel(this::nodeName), editor.canvas().healthOverlay());
        CoachActions coachActions = new CoachActions(editor, options, storeTraining, threads);
        coach = new CoachPanel(new CoachViewModel(coachActions::context, this::nodeName, coachActions::apply,
                coachActions::apply));
        inspect = new InspectView(background, Platform::runLater);
        dashboard = new TrainingDashboardView(pump, this::trainableProject, background, run -> {
            openForInspection(run);
            showArea.accept(Area.INSPECT);
        }, coach);
        dashboard.viewModel().setJobOptions(options::apply);
        dashboard.addTab("Training health", health);
        dashboard.setOnConfusionCellChosen((actual, predicted) -> {
            if (lastRun != null) {
                openForInspection(lastRun);
                inspect.showErrors(actual, predicted);
                showArea.accept(Area.INSPECT);
            }
        });
        coachActions.useDashboard(dashboard.viewModel());
        actions = new DashboardTrainingActions(dashboard.viewModel());
        pump.subscribe(this::eventsDidArrive);
        editor.editor().addListener(dashboard::projectChanged);
    }

    /** Starts draining the worker's events once per pulse; call when the window is shown. */
    void start() {
        pump.start();
    }

    /** Stops draining (the app quits). */
    void stop() {
        pump.stop();
    }

    TrainingDashboardView dashboard() {
        return dashboard;
    }

    InspectView inspect() {
        return inspect;
    }

    TrainingActions actions() {
        return actions;
    }

    private void eventsDidArrive(java.util.List<TrainingEvent> batch) {
        for (TrainingEvent event : batch) {
            if (event instanceof RunFinished finished) {
                lastRun = Path.of(finished.runFolder());
            }
        }
        health.onEvents(batch);
        coach.onEvents(batch);
        inspect.onEvents(batch);
    }

    private void openForInspection(Path run) {
        Path folder = editor.editor().file().map(f -> f.toAbsolutePath().getParent()).orElse(null);
        inspect.openRun(run, folder);
    }

    private TrainableProject trainableProject() {
        return new TrainableProject(editor.editor().project(), editor.editor().file().orElse(null));
    }

    private String nodeName(String nodeId) {
        NetworkGraph graph = editor.editor().document().graph();
        return graph.node(nodeId).map(Node::name).orElse(nodeId);
    }

    /** Saves a change of the open project's non-graph parts (its training settings). */
    @FunctionalInterface
    interface ProjectSettingsChange {
        void store(java.util.function.UnaryOperator<org.layerloom.engine.project.Project> change, String what);
    }

    /** For tests: the project as the dashboard would train it now. */
    Supplier<TrainableProject> projects() {
        return this::trainableProject;
    }
}
