package org.layerloom.engine.train;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns at recording gradients. DJL's PyTorch engine lets one {@code GradientCollector} record at a time in
 * the whole process (a second one throws), so the training worker and inspection (saliency, Grad-CAM on a
 * saved run, possibly while another run trains) each take a turn here around their collector: one waits
 * for the other's batch instead of failing. Process-wide, as the engine's rule is. Thread-safe.
 */
public final class GradientLock {

    private static final ReentrantLock LOCK = new ReentrantLock();

    private GradientLock() {
    }

    /** Waits for the turn; close the returned turn (try-with-resources) after closing the collector. */
    public static Turn acquire() {
        LOCK.lock();
        return LOCK::unlock;
    }

    /** True when this thread holds the turn. */
    public static boolean heldByCurrentThread() {
        return LOCK.isHeldByCurrentThread();
    }

    /** A held turn; closing it lets the next recorder go. */
    @FunctionalInterface
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }
}
