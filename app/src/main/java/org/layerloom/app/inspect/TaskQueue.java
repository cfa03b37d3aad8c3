package org.layerloom.app.inspect;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The inspect view model's engine work: tasks run on the {@code background} executor one after another in
 * the order submitted (the engine's network belongs to one thread at a time, whatever the executor's size),
 * and each result or failure is handed over through the {@code fx} executor, unless the queue's
 * {@link #generation()} has moved on since (a newer run was opened). {@link #busyProperty()} is true while
 * any task is pending; a task submitted by a result handler counts before that handler's task ends, so it
 * stays true through chains of work.
 *
 * <p>Thread: {@link #submit}, {@link #advance} and the property are used on the JavaFX thread (or the one
 * thread of a test with {@code Runnable::run} executors).
 */
final class TaskQueue {

    /** Work that may throw. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    private final Executor background;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    private long generation;
    private int pending;

    TaskQueue(Executor background, Executor fx) {
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /** The current generation; results of tasks submitted in an older one are dropped. */
    long generation() {
        return generation;
    }

    /** Starts a new generation: results of the tasks queued so far will be dropped. */
    long advance() {
        return ++generation;
    }

    /**
     * Queues {@code work}; hands its result to {@code done}, or its failure to {@code failed}, on the FX
     * side when the generation is still the one of now.
     */
    <T> void submit(Work<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        submit(work, done, failed, result -> { });
    }

    /**
     * {@link #submit(Work, Consumer, Consumer)}, and a result that arrives after the generation moved on is
     * given to {@code dropped} on the background, after the tasks queued by then (e.g. to close it).
     */
    <T> void submit(Work<T> work, Consumer<T> done, Consumer<Throwable> failed, Consumer<T> dropped) {
        long ticket = generation;
        pending++;
        busy.set(true);
        CompletableFuture<T> task = tail.handle((v, e) -> null).thenApplyAsync(ignored -> {
            try {
                return work.run();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, background);
        tail = task;
        task.whenComplete((result, failure) -> fx.execute(() -> {
            try {
                if (ticket != generation) {
                    if (failure == null && result != null) {
                        finallyRun(() -> dropped.accept(result));
                    }
                    return;
                }
                if (failure != null) {
                    failed.accept(failure.getCause() != null ? failure.getCause() : failure);
                } else {
                    done.accept(result);
                }
            } finally {
                pending--;
                busy.set(pending > 0);
            }
        }));
    }

    /** Runs {@code cleanup} on the background after every queued task, whatever the generation. */
    void finallyRun(Runnable cleanup) {
        tail = tail.handle((v, e) -> null).thenRunAsync(cleanup, background);
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
