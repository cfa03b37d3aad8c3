package org.layerloom.app.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import org.layerloom.app.engine.EngineStatus;

/**
 * The strip at the bottom of the main window: the engine's state (a coloured dot: amber while loading,
 * green when ready with its device and threads, red when it failed), the background tasks with a progress
 * bar while any runs, and a note on the right (when the work was last autosaved). Observes its models;
 * JavaFX thread only.
 */
public final class AppStatusBar extends HBox {

    public AppStatusBar(EngineStatus engine, BackgroundTasks tasks, ObservableStringValue note) {
        setId("app-status-bar");
        getStyleClass().add("app-status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);

        Circle dot = new Circle(5);
        dot.getStyleClass().add("engine-dot");
        Label engineText = new Label();
        engineText.setId("engine-status");
        engineText.getStyleClass().add("status-text");
        engineText.textProperty().bind(engine.textProperty());
        engineText.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip kernels = new Tooltip();
        kernels.textProperty().bind(engine.detailProperty());
        kernels.setWrapText(true);
        kernels.setMaxWidth(520);
        engine.detailProperty().addListener((obs, was, is) -> engineText.setTooltip(is.isEmpty() ? null : kernels));
        engine.stateProperty().addListener((obs, was, is) -> mark(dot, is));
        mark(dot, engine.stateProperty().get());

        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setPrefWidth(120);
        progress.setId("task-progress");
        progress.visibleProperty().bind(tasks.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label taskText = new Label();
        taskText.setId("task-status");
        taskText.getStyleClass().add("status-text");
        taskText.textProperty().bind(tasks.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label noteText = new Label();
        noteText.setId("status-note");
        noteText.getStyleClass().addAll("status-text", "muted");
        noteText.textProperty().bind(Bindings.createStringBinding(() -> note.get() == null ? "" : note.get(), note));
        Region divider = new Region();
        divider.getStyleClass().add("status-divider");
        divider.visibleProperty().bind(tasks.busyProperty());
        getChildren().addAll(dot, engineText, divider, progress, taskText, spacer, noteText);
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
