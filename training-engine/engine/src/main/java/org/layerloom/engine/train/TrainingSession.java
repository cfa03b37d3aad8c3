package org.layerloom.engine.train;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.RunState;
import org.layerloom.engine.train.event.StateChanged;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.TrainingListener;

/**
 * One training run on its own daemon worker thread, shared by the app, the command line and the smoke test.
 * {@link #start(TrainingRequest, TrainingListener)} starts a run from a project: phase 0 loads its dataset on
 * the worker ({@code DataProgress}, then {@code DataLoaded}), then it trains; a new run, or a saved one resumed
 * from its last checkpoint. Pause, resume, stop (also while the data loads) or change the learning rate from
 * any thread through {@link #control()}; events reach the listener on the worker thread, starting with
 * {@code StateChanged(STARTING)}; {@link #outcome()} completes with the final {@link RunFinished} or
 * {@link RunFailed}. Thread-safe.
 */
public final class TrainingSession implements AutoCloseable {

    private final RunControl control = new RunControl();
    private final CompletableFuture<TrainingEvent> outcome = new CompletableFuture<>();
    private final CompletableFuture<Dataset> dataset = new CompletableFuture<>();
    private final Thread worker;
    private volatile RunState state = RunState.STARTING;

    private TrainingSession(TrainingListener listener, BiConsumer<TrainingSession, TrainingListener> body) {
        TrainingListener tracking = event -> {
            if (event instanceof StateChanged changed) {
                state = changed.state();
            }
            listener.trainingEvent(event);
            if (event instanceof RunFinished || event instanceof RunFailed) {
                outcome.complete(event);
            }
        };
        worker = new Thread(() -> {
            try {
                tracking.trainingEvent(new StateChanged(RunState.STARTING, 0, 0));
                body.accept(this, tracking);
            } finally {
                dataset.cancel(false);
                if (!outcome.isDone()) {
                    outcome.complete(new RunFailed("Training ended without a result.", "", 0, 0));
                }
            }
        }, "layerloom-training");
        worker.setDaemon(true);
    }

    /**
     * Starts a run of {@code request} at once: its dataset loads on a new worker thread, which then trains it.
     * The engine starts loading in parallel ({@link EngineWarmUp}).
     */
    public static TrainingSession start(TrainingRequest request, TrainingListener listener) {
        return start(request, listener, control -> { });
    }

    /**
     * Starts a run of {@code request} as {@link #start(TrainingRequest, TrainingListener)} does, letting
     * {@code prepare} set up its control before the worker starts (e.g. a step for its first batch, slow motion),
     * so nothing of the run comes before it. {@code prepare} runs on the calling thread.
     */
    public static TrainingSession start(TrainingRequest request, TrainingListener listener,
                                        Consumer<RunControl> prepare) {
        EngineWarmUp.start();
        TrainingSession session = new TrainingSession(listener, (self, events) ->
                new DataPhase(request, self.control, events).load(self.dataset).ifPresent(
                        data -> new TrainingRun(request.job(data), self.control, events, block -> { }).run()));
        prepare.accept(session.control);
        session.worker.start();
        return session;
    }

    /** Starts training {@code job}, whose dataset is loaded already, at once on a new worker thread. */
    public static TrainingSession start(TrainingJob job, TrainingListener listener) {
        return start(job, listener, block -> { });
    }

    /**
     * Starts training {@code job}, letting {@code initialized} see (and change) the network on the worker once
     * its parameters exist, before the first batch: a hook for tests, e.g. to plant a NaN weight.
     */
    static TrainingSession start(TrainingJob job, TrainingListener listener, Consumer<GraphBlock> initialized) {
        TrainingSession session = new TrainingSession(listener, (self, events) -> {
            self.dataset.complete(job.dataset());
            new TrainingRun(job, self.control, events, initialized).run();
        });
        session.worker.start();
        return session;
    }

    public RunControl control() {
        return control;
    }

    public RunState state() {
        return state;
    }

    /**
     * Completes with the run's dataset once it has loaded (before training starts), on the worker; fails with
     * the reason when it could not be loaded, and is cancelled when the run was stopped before it had loaded.
     */
    public CompletableFuture<Dataset> dataset() {
        return dataset;
    }

    /** Completes with the final event, {@link RunFinished} or {@link RunFailed}. */
    public CompletableFuture<TrainingEvent> outcome() {
        return outcome;
    }

    /**
     * Asks the run to stop (it keeps its checkpoints) and waits at most {@code timeout} for its final event.
     * Returns whether it ended in time; false when interrupted (the interrupt flag is set again).
     */
    public boolean stopAndWait(Duration timeout) {
        control.stop();
        try {
            outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the run (it keeps its checkpoints) and waits up to a minute for the worker to end. */
    @Override
    public void close() throws InterruptedException {
        control.stop();
        worker.join(TimeUnit.MINUTES.toMillis(1));
    }
}
