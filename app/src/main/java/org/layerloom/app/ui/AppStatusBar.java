package org.layerloom.app.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import org.controlsfx.control.StatusBar;
import org.layerloom.app.engine.EngineStatus;

/**
 * The strip at the bottom of the main window, a ControlsFX {@link StatusBar}: on the left whether the project
 * is saved (and when it was autosaved), in the middle the background work in plain words with its progress
 * ("Epoch 3 of 20 · batch 40 of 938", a download's bytes and speed), on the right a button naming how many
 * tasks run, which opens the {@link TaskListView} (with Cancel and Stop), and the engine's state
 * (a coloured dot: amber while loading, green when ready, red when it failed; "CPU, 2 threads"; the full line as
 * its tooltip). Observes its models; JavaFX thread only.
 */
public final class AppStatusBar extends StatusBar {

    private final Button taskButton = new Button();

    /**
     * @param project       what the status bar says about the project ({@link ProjectStatusLine})
     * @param showTaskList  opens the {@link TaskListView} (a tool window over the main window in the app)
     */
    public AppStatusBar(EngineStatus engine, BackgroundTasks tasks, ObservableStringValue project,
                        Runnable showTaskList) {
        setId("app-status-bar");
        getStyleClass().add("app-status-bar");

        Label projectText = status(new Label(), "save-status");
        projectText.textProperty().bind(project);
        projectText.setMinWidth(Region.USE_PREF_SIZE);
        Region projectDivider = divider();
        getLeftItems().addAll(projectText, projectDivider);

        textProperty().bind(Bindings.when(tasks.busyProperty()).then(tasks.summaryProperty())
                .otherwise("Nothing running in the background"));
        progressProperty().bind(tasks.progressProperty());

        taskButton.setId("task-list-button");
        taskButton.getStyleClass().add("task-list-button");
        taskButton.setFocusTraversable(false);
        taskButton.textProperty().bind(Bindings.createStringBinding(() -> switch (tasks.running().size()) {
            case 0 -> "Tasks";
            case 1 -> "1 task running";
            default -> tasks.running().size() + " tasks running";
        }, tasks.running()));
        taskButton.setTooltip(new Tooltip("Show the background tasks, with Cancel or Stop where they can be stopped"));
        taskButton.setOnAction(e -> showTaskList.run());
        taskButton.setMinWidth(Region.USE_PREF_SIZE);

        Circle dot = new Circle(5);
        dot.getStyleClass().add("engine-dot");
        Label engineText = status(new Label(), "engine-status");
        engineText.textProperty().bind(engine.briefProperty());
        engineText.setGraphic(dot);
        engineText.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip full = new Tooltip();
        full.textProperty().bind(Bindings.createStringBinding(() -> engine.detailProperty().get().isEmpty()
                        ? engine.textProperty().get()
                        : engine.textProperty().get() + "\n\n" + engine.detailProperty().get(),
                engine.textProperty(), engine.detailProperty()));
        full.setWrapText(true);
        full.setMaxWidth(560);
        engineText.setTooltip(full);
        engine.stateProperty().addListener((obs, was, is) -> mark(dot, is));
        mark(dot, engine.stateProperty().get());
        HBox right = new HBox(10, taskButton, divider(), engineText);
        right.setAlignment(Pos.CENTER_RIGHT);
        getRightItems().add(right);
    }

    private static Label status(Label label, String id) {
        label.setId(id);
        label.getStyleClass().add("status-text");
        return label;
    }

    private static Region divider() {
        Region divider = new Region();
        divider.getStyleClass().add("status-divider");
        return divider;
    }

    private static void mark(Circle dot, EngineStatus.State state) {
        dot.getStyleClass().removeAll("engine-loading", "engine-ready", "engine-unverified", "engine-failed");
        dot.getStyleClass().add(switch (state) {
            case LOADING -> "engine-loading";
            case READY -> "engine-ready";
            case UNVERIFIED -> "engine-unverified";
            case FAILED -> "engine-failed";
        });
    }
}
