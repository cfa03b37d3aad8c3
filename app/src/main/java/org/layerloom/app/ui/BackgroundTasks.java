package org.layerloom.app.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerloom.editor.fx.LatestResult;

/**
 * The work going on in the background that the status bar and its task list report: each {@link TaskSource}
 * (reading a project, loading or downloading a dataset, training, an inspection, loading the engine) is
 * tracked through its running property; while it runs, a {@link RunningTask} mirrors it in
 * {@link #running()}, and goes from there when the work ends. The summary names the first running task, by its
 * line ({@link TaskSource#line()}) when it has one, and how many others run; {@link #progressProperty()} is that
 * task's progress. The observed properties change once per pulse at most (the training's through the event pump,
 * a download's through its coalesced hand-over), so this follows them as they change. A view-model without a
 * toolkit: create and use it on the JavaFX thread.
 */
public final class BackgroundTasks {

    private final List<TaskSource> sources = new ArrayList<>();
    private final Map<TaskSource, RunningTask> live = new HashMap<>();
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();
    private final ObservableList<RunningTask> runningView = FXCollections.unmodifiableObservableList(running);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);

    /** Reports {@code source} while it runs. */
    public void track(TaskSource source) {
        sources.add(source);
        source.running().addListener((obs, was, is) -> runningDidChange(source, is));
        if (source.line() != null) {
            source.line().addListener((obs, was, is) -> update());
        }
        if (source.progress() != null) {
            source.progress().addListener((obs, was, is) -> update());
        }
        runningDidChange(source, source.running().get());
    }

    /** Reports {@code name} while {@code running} is true; {@code detail} (may be null) refines it. */
    public void track(String name, ObservableBooleanValue running, ObservableStringValue detail) {
        track(TaskSource.of(name, running).withDetail(detail));
    }

    /** Reports {@code work} under its name while it is busy. */
    public void track(LatestResult<?> work) {
        track(work, null);
    }

    /** Reports {@code work} under its name while it is busy; {@code detail} (may be null) refines it. */
    public void track(LatestResult<?> work, ObservableStringValue detail) {
        track(work.name(), work.busyProperty(), detail);
    }

    private void runningDidChange(TaskSource source, boolean isRunning) {
        RunningTask task = live.get(source);
        if (isRunning && task == null) {
            task = new RunningTask(source);
            live.put(source, task);
            running.add(task);
        } else if (!isRunning && task != null) {
            live.remove(source);
            running.remove(task);
            task.ended();
        }
        update();
    }

    private void update() {
        List<TaskSource> active = sources.stream().filter(live::containsKey).toList();
        busy.set(!active.isEmpty());
        if (active.isEmpty()) {
            summary.set("");
            progress.set(0);
            return;
        }
        TaskSource first = active.get(0);
        String detail = first.line() == null ? null : first.line().get();
        String text = detail == null || detail.isBlank() ? first.name() + "…" : detail;
        if (active.size() > 1) {
            text += "  (+" + (active.size() - 1) + " more)";
        }
        summary.set(text);
        double value = first.progress() == null ? -1 : first.progress().get();
        progress.set(value > 0 ? value : -1);
    }

    /** The tasks running now, in the order they started; a task leaves the list when its work ends. */
    public ObservableList<RunningTask> running() {
        return runningView;
    }

    /** True while any tracked task runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "Loading mnist…  (+1 more)", or "" when nothing runs. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The first running task's progress (0 to 1; −1 while unknown), 0 when nothing runs. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
