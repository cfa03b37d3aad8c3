package org.layerloom.app.ui;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import org.controlsfx.control.TaskProgressView;

/**
 * The list of the background tasks running now, with their progress and what they do, and a button to cancel
 * those that can be cancelled (a download: Cancel; a training: Stop): a ControlsFX {@link TaskProgressView} of
 * {@link MirroredTask}s, one for each of {@link BackgroundTasks#running()}, made as a task starts and gone
 * when it ends. The mirrors wait for the end on {@code waiters} (a daemon pool). JavaFX thread only.
 */
public final class TaskListView extends StackPane {

    private final TaskProgressView<MirroredTask> view = new TaskProgressView<>();
    private final Map<RunningTask, MirroredTask> mirrors = new IdentityHashMap<>();
    private final Executor waiters;

    public TaskListView(BackgroundTasks tasks, Executor waiters) {
        this.waiters = waiters;
        setId("task-list");
        getStyleClass().add("task-list");
        view.setGraphicFactory(TaskListView::marker);
        getChildren().add(view);
        tasks.running().forEach(this::started);
        tasks.running().addListener((ListChangeListener<RunningTask>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::ended);
                change.getAddedSubList().forEach(this::started);
            }
        });
    }

    private void started(RunningTask task) {
        MirroredTask mirror = new MirroredTask(task);
        mirrors.put(task, mirror);
        view.getTasks().add(mirror);
        waiters.execute(mirror);
    }

    private void ended(RunningTask task) {
        MirroredTask mirror = mirrors.remove(task);
        if (mirror != null) {
            view.getTasks().remove(mirror);
        }
    }

    /** The tasks listed now. */
    public TaskProgressView<MirroredTask> view() {
        return view;
    }

    /**
     * The dot left of a task; once it is in its row, it gives the row's cancel button the task's word ("Cancel",
     * "Stop") and shows it only while the task may be cancelled (the list's own button would otherwise show,
     * and do nothing, for every task).
     */
    private static Node marker(MirroredTask mirror) {
        Circle dot = new Circle(4);
        dot.getStyleClass().add("task-dot");
        RunningTask task = mirror.task();
        dot.parentProperty().addListener((obs, was, is) -> {
            if (is instanceof BorderPane row && row.getRight() instanceof Button cancel) {
                cancel.setText(task.cancelText());
                cancel.setTooltip(new Tooltip(task.cancelText() + " " + lowerFirst(task.title())));
                cancel.visibleProperty().bind(task.cancellableProperty());
                cancel.managedProperty().bind(cancel.visibleProperty());
            }
        });
        return dot;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
