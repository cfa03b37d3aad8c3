package org.layerloom.engine.train;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.RunState;
import org.layerloom.engine.train.event.StateChanged;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.TrainingListener;

/**
 * One training run on its own daemon worker thread, shared by the app and the command line: a new run,
 * or a saved one resumed from its last checkpoint ({@link TrainingJob#withResumeFrom}). Start it,
 * then pause, resume, stop or change the learning rate from any thread through {@link #control()};
 * events reach the listener on the worker thread; {@link #outcome()} completes with the final
 * {@link RunFinished} or {@link RunFailed}. Thread-safe.
 */
public final class TrainingSession implements AutoCloseable {

    private final RunControl control = new RunControl();
    private final CompletableFuture<TrainingEvent> outcome = new CompletableFuture<>();
    private final Thread worker;
    private volatile RunState state = RunState.STARTING;

    private TrainingSession(TrainingJob job, TrainingListener listener, Consumer<GraphBlock> initialized) {
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
                new TrainingRun(job, control, tracking, initialized).run();
            } finally {
                if (!outcome.isDone()) {
                    outcome.complete(new RunFailed("Training ended without a result.", "", 0, 0));
                }
            }
        }, "layerloom-training");
        worker.setDaemon(true);
    }

    /** Starts training {@code job} at once on a new worker thread. */
    public static TrainingSession start(TrainingJob job, TrainingListener listener) {
        return start(job, listener, block -> { });
    }

    /**
     * Starts training {@code job}, letting {@code initialized} see (and change) the network on the worker once
     * its parameters exist, before the first batch: a hook for tests, e.g. to plant a NaN weight.
     */
    static TrainingSession start(TrainingJob job, TrainingListener listener, Consumer<GraphBlock> initialized) {
        TrainingSession session = new TrainingSession(job, listener, initialized);
        session.worker.start();
        return session;
    }

    public RunControl control() {
        return control;
    }

    public RunState state() {
        return state;
    }

    /** Completes with the final event, {@link RunFinished} or {@link RunFailed}. */
    public CompletableFuture<TrainingEvent> outcome() {
        return outcome;
    }

    /** Stops the run (it keeps its checkpoints) and waits up to a minute for the worker to end. */
    @Override
    public void close() throws InterruptedException {
        control.stop();
        worker.join(TimeUnit.MINUTES.toMillis(1));
    }
}
