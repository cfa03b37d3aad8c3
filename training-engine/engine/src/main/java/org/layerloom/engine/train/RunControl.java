package org.layerloom.engine.train;

import java.util.OptionalDouble;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The inbox of a training run: any thread may ask it to pause, resume, stop, train one batch as a step
 * ({@link #step()}), watch a weight element in such steps ({@link #watch(WeightWatch)}), wait between batches
 * (slow motion, {@link #setSlowMotion(long)}) or use another learning rate; the worker looks at it between two
 * batches ({@link #awaitBatch}), so a stop takes effect within one batch, also during a slow-motion wait.
 * Thread-safe.
 */
public final class RunControl {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition resumed = lock.newCondition();
    private boolean pauseRequested;
    private boolean stopRequested;
    private double requestedLearningRate = Double.NaN;
    private boolean stepRequested;
    private long slowMotionMillis;
    private WeightWatch watch;

    /** What the worker does next: stop, train a batch, or train one batch as a step and pause again. */
    public enum Turn { STOP, TRAIN, STEP }

    public void pause() {
        withLock(() -> {
            pauseRequested = true;
            resumed.signalAll();
        });
    }

    /**
     * Asks the run to train exactly one batch, recorded as a step ({@code BatchStepped}), and then to pause: from a
     * pause, the next batch; while running, the next batch after the current one; before the run starts, its first.
     */
    public void step() {
        withLock(() -> {
            pauseRequested = true;
            stepRequested = true;
            resumed.signalAll();
        });
    }

    /** The weight element that steps record from now on; null for the first weight of the network. */
    public void watch(WeightWatch weight) {
        withLock(() -> watch = weight);
    }

    /** The weight element steps record, or null for the default. */
    public WeightWatch watched() {
        lock.lock();
        try {
            return watch;
        } finally {
            lock.unlock();
        }
    }

    /** Slow motion: the worker waits {@code millis} before each batch while running (0: no wait). */
    public void setSlowMotion(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("a slow-motion pause cannot be negative, not " + millis + " ms");
        }
        withLock(() -> {
            slowMotionMillis = millis;
            resumed.signalAll();
        });
    }

    public long slowMotionMillis() {
        lock.lock();
        try {
            return slowMotionMillis;
        } finally {
            lock.unlock();
        }
    }

    public void resume() {
        withLock(() -> {
            pauseRequested = false;
            stepRequested = false;
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
     * Worker only, before each batch: waits the slow-motion pause while running (a pause, step or stop ends the
     * wait early), then while the run is paused (calling {@code onPause} once when a pause begins and
     * {@code onResume} when it ends) until it is resumed, stopped or asked for a step. A step leaves the run paused:
     * the next call pauses again, without {@code onResume}.
     */
    public Turn awaitBatch(Runnable onPause, Runnable onResume) throws InterruptedException {
        lock.lock();
        try {
            if (slowMotionMillis > 0 && !pauseRequested && !stopRequested) {
                long deadline = System.nanoTime() + slowMotionMillis * 1_000_000L;
                long left = deadline - System.nanoTime();
                while (left > 0 && slowMotionMillis > 0 && !pauseRequested && !stopRequested) {
                    resumed.awaitNanos(left);
                    left = deadline - System.nanoTime();
                }
            }
            if (stopRequested) {
                return Turn.STOP;
            }
            if (stepRequested) {
                stepRequested = false;
                return Turn.STEP;
            }
            if (pauseRequested) {
                onPause.run();
                while (pauseRequested && !stopRequested && !stepRequested) {
                    resumed.await();
                }
                if (stopRequested) {
                    return Turn.STOP;
                }
                if (stepRequested) {
                    stepRequested = false;
                    return Turn.STEP;
                }
                onResume.run();
            }
            return Turn.TRAIN;
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
