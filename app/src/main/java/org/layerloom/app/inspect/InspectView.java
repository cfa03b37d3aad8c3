package org.layerloom.app.inspect;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
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

    /** Opens the saved run in {@code runFolder} in the background; {@code dataFolder} may be null. */
    public void openRun(Path runFolder, Path dataFolder) {
        model.open(runFolder, dataFolder);
        tabs.getSelectionModel().select(activationsTab);
    }

    /** Shows the error gallery of the confusion cell (true {@code actual}, predicted {@code predicted}). */
    public void showErrors(int actual, int predicted) {
        model.showErrors(actual, predicted);
        tabs.getSelectionModel().select(errorsTab);
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
        HBox line = new HBox(12, title, status, busy);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.NEVER);
        return Css.styled(new VBox(4, line, error), "inspect-header");
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
