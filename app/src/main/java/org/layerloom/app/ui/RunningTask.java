package org.layerloom.app.ui;

import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One run of a {@link TaskSource}'s work, from the moment it started until it ended: its title, what it does
 * now, its progress and whether it may be cancelled now, all mirrored from the source, and at the end how it
 * ended. {@link BackgroundTasks} makes one each time a source starts and lists it while it runs. A view-model
 * without a toolkit; JavaFX thread only (the source's observables change there).
 */
public final class RunningTask {

    /** How the work ended. */
    public enum End { RUNNING, DONE, FAILED, CANCELLED }

    private final TaskSource source;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(this, "cancellable");
    private final ReadOnlyObjectWrapper<End> end = new ReadOnlyObjectWrapper<>(this, "end", End.RUNNING);
    private final InvalidationListener follow = this::follow;
    private boolean cancelAsked;

    RunningTask(TaskSource source) {
        this.source = Objects.requireNonNull(source, "source");
        watch(source.detail());
        watch(source.progress());
        watch(source.cancellable());
        follow(null);
    }

    private void watch(Observable observable) {
        if (observable != null) {
            observable.addListener(follow);
        }
    }

    private void unwatch(Observable observable) {
        if (observable != null) {
            observable.removeListener(follow);
        }
    }

    private void follow(Observable changed) {
        if (end.get() != End.RUNNING) {
            return;
        }
        message.set(source.detail() == null || source.detail().get() == null ? "" : source.detail().get());
        progress.set(source.progress() == null ? -1 : source.progress().get());
        cancellable.set(source.cancel() != null
                && (source.cancellable() == null || source.cancellable().get()));
    }

    /** The work has ended: cancelled if the student asked this task to cancel it, failed if it says so, else done. */
    void ended() {
        unwatch(source.detail());
        unwatch(source.progress());
        unwatch(source.cancellable());
        cancellable.set(false);
        boolean failed = source.failed() != null && source.failed().get();
        end.set(cancelAsked ? End.CANCELLED : failed ? End.FAILED : End.DONE);
    }

    /** Asks the work to stop (the download cancels, the training stops); does nothing when it cannot now. */
    public void cancel() {
        if (cancellable.get()) {
            cancelAsked = true;
            source.cancel().run();
        }
    }

    /** "Downloading a dataset", "Training". */
    public String title() {
        return source.name();
    }

    /** The word on the button that cancels it: "Cancel" or "Stop". */
    public String cancelText() {
        return source.cancelText();
    }

    /** What the work does now, or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Its progress from 0 to 1, −1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True while the student may cancel (or stop) it. */
    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    /** {@link End#RUNNING} until the work ends. */
    public ReadOnlyObjectProperty<End> endProperty() {
        return end.getReadOnlyProperty();
    }
}
