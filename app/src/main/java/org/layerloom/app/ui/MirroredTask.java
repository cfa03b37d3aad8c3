package org.layerloom.app.ui;

import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * A {@link Task} that does no work of its own: it mirrors one {@link RunningTask} for ControlsFX's
 * {@code TaskProgressView}, which lists {@code Task}s. Its title, message and progress follow the running
 * task's; it stays running while the real work runs (its thread, from a daemon pool, only waits for the end)
 * and ends when the real work ends: succeeded when it was done, failed when it failed, cancelled when the
 * student cancelled it. Its
 * Cancel (the task list's button) asks the real work to stop, and the task ends once the work has stopped, so
 * a training that tests its kept network after Stop stays listed until it has. Made and updated on the
 * JavaFX thread; {@link #call()} runs on its waiting thread.
 */
public final class MirroredTask extends Task<Void> {

    private final RunningTask task;
    private final CompletableFuture<RunningTask.End> end = new CompletableFuture<>();
    private boolean ending;

    /** Mirrors {@code task} from now on; JavaFX thread. */
    public MirroredTask(RunningTask task) {
        this.task = task;
        updateTitle(task.title());
        task.messageProperty().addListener((obs, was, is) -> updateMessage(is));
        task.progressProperty().addListener((obs, was, is) -> show(is.doubleValue()));
        task.endProperty().addListener((obs, was, is) -> ended(is));
        updateMessage(task.messageProperty().get());
        show(task.progressProperty().get());
        if (task.endProperty().get() != RunningTask.End.RUNNING) {
            ended(task.endProperty().get());
        }
    }

    /** The running task mirrored. */
    public RunningTask task() {
        return task;
    }

    private void show(double progress) {
        if (progress < 0) {
            updateProgress(-1, 1);
        } else {
            updateProgress(Math.min(progress, 1), 1);
        }
    }

    private void ended(RunningTask.End how) {
        if (how == RunningTask.End.CANCELLED) {
            ending = true;
            super.cancel(true);
        } else if (how == RunningTask.End.DONE) {
            show(1);
            end.complete(how);
        } else if (how == RunningTask.End.FAILED) {
            end.completeExceptionally(new IllegalStateException(task.title() + " failed: "
                    + task.messageProperty().get()));
        }
    }

    /** Waits, without working, until the real work has ended. */
    @Override
    protected Void call() throws Exception {
        end.get();
        return null;
    }

    /**
     * Asks the real work to stop; the task itself ends when the work has ended. Returns whether the task
     * ended now (only when the work stopped at once).
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (ending) {
            return super.cancel(mayInterruptIfRunning);
        }
        if (Platform.isFxApplicationThread()) {
            task.cancel();
        } else {
            Platform.runLater(task::cancel);
        }
        return isCancelled();
    }
}
