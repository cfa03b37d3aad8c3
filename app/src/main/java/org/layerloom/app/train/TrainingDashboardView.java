package org.layerloom.app.train;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.layerloom.app.fx.EventPump;
import org.layerloom.app.train.step.StepView;
import org.layerloom.charts.confusion.ConfusionCellListener;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * The training dashboard: run controls and progress on top; a "Live" tab with the loss, accuracy and
 * learning-rate charts and, after a run, its test result with the confusion matrix; a "Step" tab with the worked
 * optimizer update of one weight after Step ({@link StepView}); a "Run history" tab
 * with the project's saved runs and their comparison; and a side column for the training coach (any
 * node the app passes in). Its charts follow the theme it is given.
 *
 * <p>Wiring: give it the shared event pump (started by the app), the current project, a background
 * executor (daemon) and what to do to open a run folder for inspection; call {@link #projectChanged()}
 * when another project is opened or saved. JavaFX thread only.
 */
public final class TrainingDashboardView extends BorderPane {

    private static final String STYLESHEET = "/org/layerloom/app/train/dashboard.css";

    private final Supplier<TrainableProject> projects;
    private final TrainingDashboardViewModel model;
    private final RunHistoryViewModel history;
    private final LiveChartsPanel charts;
    private final RunResultView resultView;
    private final RunHistoryView historyView;
    private final TabPane tabs = new TabPane();
    private final Label message = new Label();
    private final Hyperlink failedLayer = new Hyperlink();
    private Consumer<String> showLayer = id -> { };

    /**
     * @param pump       the app's event pump for training events (this view subscribes to it)
     * @param projects   the current project, or null when none is open
     * @param files      a daemon executor for reading and changing run folders
     * @param openRun    opens a run folder for inspection
     * @param coachPanel what to show in the side column (the training coach), or null for no column
     * @param theme      the app's theme, which the charts follow
     */
    public TrainingDashboardView(EventPump<TrainingEvent> pump, Supplier<TrainableProject> projects,
                                 Executor files, Consumer<Path> openRun, Node coachPanel,
                                 ObservableValue<Theme> theme) {
        this.projects = projects;
        model = new TrainingDashboardViewModel(pump, projects, TrainingLauncher.ENGINE, System::nanoTime);
        history = new RunHistoryViewModel(files, Platform::runLater);
        charts = new LiveChartsPanel(this::showProblem, theme);
        resultView = new RunResultView(openRun, theme);
        historyView = new RunHistoryView(history, openRun, this::showProblem, theme, model);
        model.setChartFeed(charts);
        model.setOnRunEnded(history::reload);

        RunControlBar controls = new RunControlBar(model, () -> TeacherDialog.ask(List.copyOf(history.runs()),
                projectFolder(), getScene() == null ? null : getScene().getWindow())
                .ifPresent(model::trainLearningFrom));
        controls.smoothing().valueProperty().addListener((o, a, b) -> charts.setSmoothing(b.doubleValue()));
        message.setId("dashboard-message");
        message.getStyleClass().add("dash-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        failedLayer.setId("dashboard-failed-layer");
        failedLayer.textProperty().bind(model.live().failedLayer().textProperty());
        failedLayer.managedProperty().bind(model.live().failedLayer().nodeIdProperty().isNotEmpty());
        failedLayer.visibleProperty().bind(failedLayer.managedProperty());
        failedLayer.setOnAction(e -> showLayer.accept(model.live().failedLayer().nodeIdProperty().get()));
        VBox top = new VBox(8, controls, new RunProgressStrip(model.live()), message, failedLayer);
        top.getStyleClass().add("dash-top");
        setTop(top);

        VBox live = new VBox(12, charts, resultView);
        VBox.setVgrow(charts, Priority.ALWAYS);
        live.getStyleClass().add("dash-live");
        resultView.setMinHeight(Region.USE_PREF_SIZE);
        ScrollPane liveScroll = new ScrollPane(live);
        liveScroll.setFitToWidth(true);
        liveScroll.setFitToHeight(true);
        liveScroll.getStyleClass().add("dash-scroll");
        resultView.setVisible(false);
        resultView.setManaged(false);
        model.resultProperty().addListener((o, a, result) -> {
            resultView.setVisible(result != null);
            resultView.setManaged(result != null);
            if (result != null) {
                resultView.show(result);
                Platform.runLater(() -> liveScroll.setVvalue(liveScroll.getVmax()));
            }
        });
        Tab liveTab = new Tab("Live", liveScroll);
        Tab historyTab = new Tab("Run history", historyView);
        Tab stepTab = new Tab("Step", new StepView(model.steps()));
        // A step shows its worked update at once, unless the student looks at another tab than the live charts.
        model.steps().lastProperty().addListener((o, was, step) -> {
            if (step != null && liveTab.isSelected()) {
                tabs.getSelectionModel().select(stepTab);
            }
        });
        historyView.getStyleClass().add("dash-live");
        tabs.getTabs().addAll(liveTab, historyTab, stepTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // A run that starts while another tab (the run history, the settings) is shown brings the live charts.
        model.phaseProperty().addListener((o, was, is) -> {
            if (is == DashboardPhase.LOADING && !liveTab.isSelected()
                    && !"Training health".equals(tabs.getSelectionModel().getSelectedItem().getText())) {
                tabs.getSelectionModel().select(liveTab);
            }
        });
        historyTab.setOnSelectionChanged(e -> {
            if (historyTab.isSelected()) {
                projectChanged();
            }
        });
        setCenter(tabs);
        if (coachPanel != null) {
            VBox coach = new VBox(8, coachPanel);
            VBox.setVgrow(coachPanel, Priority.ALWAYS);
            coach.getStyleClass().add("coach-column");
            coach.setPrefWidth(300);
            coach.setMinWidth(240);
            setRight(coach);
        }
        getStyleClass().add("training-dashboard");
        getStylesheets().add(TrainingDashboardView.class.getResource(STYLESHEET).toExternalForm());

        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, old, scene) -> {
            if (scene == null) {
                charts.stopThrottledRedraws();
                clock.stop();
            } else {
                charts.startThrottledRedraws();
                clock.play();
            }
        });
        projectChanged();
    }

    /** Re-reads the current project's run history (after opening, saving or renaming a project). */
    public void projectChanged() {
        model.projectChanged();
        TrainableProject current = projects.get();
        history.setRunsRoot(current == null || !current.isSaved() ? null : current.runsRoot());
    }

    /** Told when the student clicks a cell of the result's confusion matrix (actual, predicted class). */
    public void setOnConfusionCellChosen(ConfusionCellListener listener) {
        resultView.setOnCellChosen(listener);
    }

    /** Told, with the node id, when the student asks to see the layer a failed run names. */
    public void setOnShowLayer(Consumer<String> listener) {
        showLayer = listener;
    }

    /** Adds a tab after the live charts (the app adds the training-health view there). */
    public void addTab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tabs.getTabs().add(1, tab);
    }

    /** The open project's folder, or null for a project never saved. */
    private Path projectFolder() {
        TrainableProject current = projects.get();
        return current == null || current.file() == null ? null : current.file().toAbsolutePath().getParent();
    }

    /** Shows the "Live" (0) or "Run history" (1) tab. */
    public void showTab(int index) {
        tabs.getSelectionModel().select(index);
    }

    /** Shows the tab titled {@code title} ("Live", "Settings", "Run history"); false when there is none. */
    public boolean showTab(String title) {
        for (Tab tab : tabs.getTabs()) {
            if (tab.getText().equals(title)) {
                tabs.getSelectionModel().select(tab);
                return true;
            }
        }
        return false;
    }

    /** The title of the tab shown. */
    public String shownTab() {
        return tabs.getSelectionModel().getSelectedItem().getText();
    }

    public TrainingDashboardViewModel viewModel() {
        return model;
    }

    public RunHistoryViewModel historyModel() {
        return history;
    }

    /** How many batches the loss chart shows now (its points arrive once per pulse). */
    public int chartedBatches() {
        return charts.lossChart().model().series("batch").size();
    }

    LiveChartsPanel charts() {
        return charts;
    }

    RunResultView resultView() {
        return resultView;
    }

    RunHistoryView historyView() {
        return historyView;
    }

    private void showProblem(String text) {
        new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, text).show();
    }
}
