package org.layerloom.editor.fx;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Background work of which only the latest request counts: each {@link #submit} runs its work on the
 * {@code background} executor and hands the result, or the failure, to its handlers through the {@code fx}
 * executor ({@code Platform::runLater} in the app, {@code Runnable::run} in tests), unless a newer request was
 * submitted (or {@link #cancel()} called) since: then the outcome is dropped. {@link #busyProperty()} is true
 * from a submit until the latest request's outcome is handled, and is cleared after its handler ran, so busy
 * listeners see the new result. {@link #name()} is what the status bar's task list calls the work.
 *
 * <p>Life-cycle: one per kind of work of a view-model, for the view-model's life; it owns no thread.
 * Thread: {@link #submit}, {@link #cancel()} and the property on the JavaFX thread (or the one thread of a
 * test); {@link Ticket#isCurrent()} on any thread.
 *
 * @param <T> the result of the work
 */
public final class LatestResult<T> {

    private static final System.Logger LOG = System.getLogger(LatestResult.class.getName());

    /** Work that may throw; it can ask its {@link Ticket} whether it was superseded, to stop early. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Ticket ticket) throws Exception;
    }

    /** One request; any thread may ask whether it is still the latest. */
    @FunctionalInterface
    public interface Ticket {
        /** True while no newer request was submitted and the work was not cancelled. */
        boolean isCurrent();
    }

    private final String name;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private volatile long generation;

    /**
     * @param name       what the work is called in the status bar's task list ("Reading the project")
     * @param background where the work runs
     * @param fx         where outcomes are handled: the JavaFX thread's executor, or a same-thread one in tests
     */
    public LatestResult(String name, Executor background, Executor fx) {
        this.name = Objects.requireNonNull(name, "name");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /**
     * {@link #submit(Work, Consumer, Consumer)} for work that is not expected to fail: a failure is logged as a
     * warning naming this work, and clears busy.
     */
    public Ticket submit(Work<T> work, Consumer<? super T> done) {
        return submit(work, done, e -> LOG.log(System.Logger.Level.WARNING, name + " failed: " + e, e));
    }

    /**
     * Runs {@code work} in the background as the latest request; its result goes to {@code done}, or what it
     * threw to {@code failed}, on the FX side, when no newer request came since. Returns the request's ticket.
     */
    public Ticket submit(Work<T> work, Consumer<? super T> done, Consumer<? super Exception> failed) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(done, "done");
        Objects.requireNonNull(failed, "failed");
        long number = ++generation;
        Ticket ticket = () -> number == generation;
        busy.set(true);
        background.execute(() -> {
            T result;
            try {
                result = work.run(ticket);
            } catch (Exception e) {
                fx.execute(() -> publish(ticket, () -> failed.accept(e)));
                return;
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.ERROR, name + " failed", t);
                fx.execute(() -> publish(ticket, () -> { }));
                throw t;
            }
            fx.execute(() -> publish(ticket, () -> done.accept(result)));
        });
        return ticket;
    }

    /** Drops the outcome of the request under way, if any, and clears busy. */
    public void cancel() {
        generation++;
        busy.set(false);
    }

    private void publish(Ticket ticket, Runnable handler) {
        if (!ticket.isCurrent()) {
            return;
        }
        try {
            handler.run();
        } finally {
            if (ticket.isCurrent()) {
                busy.set(false);
            }
        }
    }

    /** What the status bar's task list calls this work. */
    public String name() {
        return name;
    }

    /** True from a {@link #submit} until the latest request's outcome was handled (or cancelled). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
