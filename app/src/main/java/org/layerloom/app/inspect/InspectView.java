package org.layerloom.app.inspect;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerloom.app.ui.Css;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * The Inspect area: "Inside the model" for one saved run or the live training, in three sections
 * (Activations, Why this prediction, Error analysis) over an {@link InspectViewModel}. It brings its own
 * stylesheet ({@code inspect.css}) and follows the theme it is given: its canvas charts repaint in that
 * theme's colours, and its {@code inspect-dark}/{@code inspect-light} style class follows for CSS.
 * Entry points for the main window: {@link #openRun}, {@link #showErrors} and {@link #onEvents}.
 *
 * <p>Thread: built and used on the JavaFX thread; engine work runs on the view model's background executor.
 */
public final class InspectView extends BorderPane {

    static final String STYLESHEET = "/org/layerloom/app/inspect/inspect.css";

    private final InspectViewModel model;
    private final TabPane tabs = Css.styled(new TabPane(), "inspect-tabs");
    private final Tab activationsTab;
    private final Tab whyTab;
    private final Tab errorsTab;
    private final ActivationsSection activations;
    private final WhySection why;
    private final ErrorsSection errors;
    private DataFolderChooser folderChooser = DataFolderChooser.system();

    /**
     * @param model the view model
     * @param theme the app's theme, which the charts and the style class follow
     */
    public InspectView(InspectViewModel model, ObservableValue<Theme> theme) {
        this.model = model;
        Css.styled(this, "inspect-view");
        getStylesheets().add(InspectView.class.getResource(STYLESHEET).toExternalForm());
        activations = new ActivationsSection(model, theme);
        why = new WhySection(model, theme);
        errors = new ErrorsSection(model, theme, this::showActivations);
        activationsTab = new Tab("Activations", activations);
        whyTab = new Tab("Why this prediction", why);
        errorsTab = new Tab("Error analysis", errors);
        tabs.getTabs().addAll(activationsTab, whyTab, errorsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setTop(header());
        setCenter(tabs);
        theme.addListener((obs, was, now) -> themeDidChange(now));
        themeDidChange(theme.getValue());
    }

    /**
     * A view over a new view model.
     *
     * @param background runs engine work (the app's daemon background executor)
     * @param fx         hands results to the JavaFX thread ({@code Platform::runLater})
     * @param theme      the app's theme
     */
    public InspectView(java.util.concurrent.Executor background, java.util.concurrent.Executor fx,
                       ObservableValue<Theme> theme) {
        this(new InspectViewModel(background, fx), theme);
    }

    public InspectViewModel model() {
        return model;
    }

    /**
     * Opens the saved run in {@code runFolder} in the background, with the data it was trained on (nothing
     * when it is open already).
     */
    public void openRun(Path runFolder) {
        if (!runFolder.toAbsolutePath().normalize().equals(model.runFolder())) {
            tabs.getSelectionModel().select(activationsTab);
        }
        model.open(runFolder);
    }

    /** How the student is asked where a run's moved data is now; the system's folder chooser by default. */
    public void setFolderChooser(DataFolderChooser chooser) {
        folderChooser = java.util.Objects.requireNonNull(chooser, "chooser");
    }

    /** Asks for the folder that holds the shown run's data now, and opens the run again with it. */
    void chooseDataFolder() {
        RunSummary shown = model.summaryProperty().get();
        Path start = shown == null ? null : shown.data().chooserStart().orElse(null);
        folderChooser.choose(getScene() == null ? null : getScene().getWindow(), start)
                .ifPresent(model::useDataFolder);
    }

    /** Shows the error gallery of the confusion cell (true {@code actual}, predicted {@code predicted}). */
    public void showErrors(int actual, int predicted) {
        tabs.getSelectionModel().select(errorsTab);
        errors.revealGallery();
        model.showErrors(actual, predicted);
    }

    /** The live inspection events of one pulse (JavaFX thread), see {@link InspectViewModel#onEvents}. */
    public void onEvents(List<TrainingEvent> batch) {
        model.onEvents(batch);
    }

    /** Selects one of the sections: 0 Activations, 1 Why this prediction, 2 Error analysis. */
    public void selectSection(int index) {
        tabs.getSelectionModel().select(index);
    }

    private void showActivations() {
        tabs.getSelectionModel().select(activationsTab);
    }

    private Region header() {
        Label title = Css.styled(new Label("Inside the model"), "inspect-title");
        Label status = Css.styled(new Label(), "inspect-status");
        status.textProperty().bind(model.statusProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        Label error = Css.styled(new Label(), "inspect-error");
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(model.errorProperty()));
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);
        error.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(error, Priority.ALWAYS);
        Button choose = Css.styled(new Button("Choose the data folder…"), "choose-data-folder");
        choose.setId("choose-data-folder");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> chooseDataFolder());
        choose.visibleProperty().bind(Bindings.createBooleanBinding(() -> {
            RunSummary s = model.summaryProperty().get();
            return s != null && s.data().canChooseFolder() && !model.busyProperty().get();
        }, model.summaryProperty(), model.busyProperty()));
        choose.managedProperty().bind(choose.visibleProperty());
        HBox problem = new HBox(10, error, choose);
        problem.setAlignment(Pos.CENTER_LEFT);
        problem.visibleProperty().bind(error.visibleProperty().or(choose.visibleProperty()));
        problem.managedProperty().bind(problem.visibleProperty());
        HBox line = new HBox(12, title, status, busy);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.NEVER);
        return Css.styled(new VBox(4, line, problem), "inspect-header");
    }

    private void themeDidChange(Theme theme) {
        boolean dark = theme != null && theme.isDark();
        getStyleClass().removeAll("inspect-dark", "inspect-light");
        getStyleClass().add(dark ? "inspect-dark" : "inspect-light");
    }

    ActivationsSection activations() {
        return activations;
    }

    WhySection why() {
        return why;
    }

    ErrorsSection errors() {
        return errors;
    }
}
