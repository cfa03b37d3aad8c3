package org.layerloom.app.ui;

import java.util.Objects;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;

/**
 * One kind of background work as the status bar and its task list see it: its name ("Downloading a dataset"),
 * whether it runs now, and optionally a detail line ("train-images-idx3-ubyte.gz: 3.2 of 9.9 MB"), its progress
 * (0 to 1, −1 while unknown) and how the student stops it (the action, the button's word, and when it may be
 * pressed). Immutable; the observables it names change on the JavaFX thread.
 *
 * @param name        what the task list calls the work
 * @param running     true while the work runs
 * @param detail      what the work does now, or null
 * @param summary     the status bar's line on the work, or null to show {@code detail}
 * @param progress    its progress from 0 to 1, −1 while unknown; null when it never knows
 * @param cancel      stops the work, or null when it cannot be stopped
 * @param cancelText  the word on the button that calls {@code cancel} ("Cancel", "Stop")
 * @param cancellable true while {@code cancel} may be pressed (null: whenever it runs)
 * @param failed      true when the work, as it ends, has failed (null: it never tells)
 */
public record TaskSource(String name, ObservableBooleanValue running, ObservableStringValue detail,
                         ObservableStringValue summary, ObservableDoubleValue progress, Runnable cancel,
                         String cancelText, ObservableBooleanValue cancellable, ObservableBooleanValue failed) {

    public TaskSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(running, "running");
    }

    /** Work called {@code name} that runs while {@code running} is true, without detail, progress or cancel. */
    public static TaskSource of(String name, ObservableBooleanValue running) {
        return new TaskSource(name, running, null, null, null, null, "Cancel", null, null);
    }

    /** The same work, described by {@code newDetail} while it runs. */
    public TaskSource withDetail(ObservableStringValue newDetail) {
        return new TaskSource(name, running, newDetail, summary, progress, cancel, cancelText, cancellable, failed);
    }

    /** The same work, told in the status bar by {@code newSummary} rather than by its detail. */
    public TaskSource withSummary(ObservableStringValue newSummary) {
        return new TaskSource(name, running, detail, newSummary, progress, cancel, cancelText, cancellable, failed);
    }

    /** The same work, which has failed when {@code whenEnded} is true as it ends. */
    public TaskSource failedWhen(ObservableBooleanValue whenEnded) {
        return new TaskSource(name, running, detail, summary, progress, cancel, cancelText, cancellable, whenEnded);
    }

    /** The status bar's line on the work: its summary, else its detail; null when it has neither. */
    public ObservableStringValue line() {
        return summary != null ? summary : detail;
    }

    /** The same work, with its progress from 0 to 1 (−1 while unknown). */
    public TaskSource withProgress(ObservableDoubleValue newProgress) {
        return new TaskSource(name, running, detail, summary, newProgress, cancel, cancelText, cancellable, failed);
    }

    /**
     * The same work, stopped by {@code action} from a button that reads {@code text}, offered while
     * {@code when} is true (null: whenever it runs).
     */
    public TaskSource cancelledBy(String text, Runnable action, ObservableBooleanValue when) {
        return new TaskSource(name, running, detail, summary, progress, Objects.requireNonNull(action, "action"),
                Objects.requireNonNull(text, "text"), when, failed);
    }
}
