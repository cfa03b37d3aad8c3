package org.layerloom.engine.train;

import java.util.OptionalDouble;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The inbox of a training run: any thread may ask it to pause, resume, stop or use another learning
 * rate; the worker looks at it between two batches ({@link #awaitTurn()}), so a stop takes effect
 * within one batch. Thread-safe.
 */
public final class RunControl {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition resumed = lock.newCondition();
    private boolean pauseRequested;
    private boolean stopRequested;
    private double requestedLearningRate = Double.NaN;

    public void pause() {
        withLock(() -> pauseRequested = true);
    }

    public void resume() {
        withLock(() -> {
            pauseRequested = false;
            resumed.signalAll();
        });
    }

    /** Asks the run to stop after the current batch (also from a pause); it keeps its checkpoints. */
    public void stop() {
        withLock(() -> {
            stopRequested = true;
            resumed.signalAll();
        });
    }

    /** Asks the run to train on with this learning rate from the next batch. */
    public void setLearningRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("a learning rate must be a positive number, not " + rate);
        }
        withLock(() -> requestedLearningRate = rate);
    }

    public boolean isStopRequested() {
        lock.lock();
        try {
            return stopRequested;
        } finally {
            lock.unlock();
        }
    }

    public boolean isPauseRequested() {
        lock.lock();
        try {
            return pauseRequested;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Worker only: waits while the run is paused (calling {@code onPause} once when a pause begins and
     * {@code onResume} when it ends) and returns whether training should go on.
     */
    public boolean awaitTurn(Runnable onPause, Runnable onResume) throws InterruptedException {
        lock.lock();
        try {
            if (pauseRequested && !stopRequested) {
                onPause.run();
                while (pauseRequested && !stopRequested) {
                    resumed.await();
                }
                if (!stopRequested) {
                    onResume.run();
                }
            }
            return !stopRequested;
        } finally {
            lock.unlock();
        }
    }

    /** Worker only: the learning rate asked for since the last call, if any. */
    public OptionalDouble takeLearningRate() {
        lock.lock();
        try {
            double rate = requestedLearningRate;
            requestedLearningRate = Double.NaN;
            return Double.isNaN(rate) ? OptionalDouble.empty() : OptionalDouble.of(rate);
        } finally {
            lock.unlock();
        }
    }

    private void withLock(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }
}
