package org.layerloom.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import org.layerloom.editor.fx.LatestResult;

/**
 * The work going on in the background that the status bar reports: each source (reading a project,
 * loading a dataset, copying a sample, loading the engine) is tracked through its busy property and an
 * optional detail text. The summary names the first running task, with its detail, and how many others
 * run. A view-model without a toolkit: create and use it on the JavaFX thread (the tracked properties
 * change there).
 */
public final class BackgroundTasks {

    private record Task(String name, ObservableBooleanValue busy, ObservableStringValue detail) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    /** Reports {@code name} while {@code running} is true; {@code detail} (may be null) refines it. */
    public void track(String name, ObservableBooleanValue running, ObservableStringValue detail) {
        Task task = new Task(name, running, detail);
        tasks.add(task);
        running.addListener((obs, was, is) -> update());
        if (detail != null) {
            detail.addListener((obs, was, is) -> update());
        }
        update();
    }

    /** Reports {@code work} under its name while it is busy. */
    public void track(LatestResult<?> work) {
        track(work, null);
    }

    /** Reports {@code work} under its name while it is busy; {@code detail} (may be null) refines it. */
    public void track(LatestResult<?> work, ObservableStringValue detail) {
        track(work.name(), work.busyProperty(), detail);
    }

    private void update() {
        List<Task> active = tasks.stream().filter(t -> t.busy().get()).toList();
        busy.set(!active.isEmpty());
        if (active.isEmpty()) {
            summary.set("");
            return;
        }
        Task first = active.get(0);
        String detail = first.detail() == null ? null : first.detail().get();
        String text = detail == null || detail.isBlank() ? first.name() + "…" : detail;
        if (active.size() > 1) {
            text += "  (+" + (active.size() - 1) + " more)";
        }
        summary.set(text);
    }

    /** True while any tracked task runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "Loading MNIST (40 %)  (+1 more)", or "" when nothing runs. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
