package org.layerloom.engine.kernels;

import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.layerloom.engine.train.GradientLock;

/**
 * oneDNN for recurrent layers while they record gradients, on a processor where the {@link KernelGuard}
 * found oneDNN wrong elsewhere and right there ({@link KernelChoice#ONEDNN_FOR_TRAINING_RECURRENCES}). On an
 * AMD EPYC of family 26, libtorch 2.7.1's oneDNN convolves wrongly and runs LSTMs wrongly without gradient
 * recording (forward off by up to 0.9 at 16 units), yet its LSTM with gradients recorded is right and trains
 * the benchmark LSTM about 2.5 times as fast as libtorch's own kernels.
 *
 * <p>oneDNN stays off in libtorch; an LSTM's forward pass that records gradients, on the thread that holds
 * the {@link GradientLock}, switches it on for its own call only (libtorch picks the kernel of an LSTM's
 * backward pass in its forward pass). GRUs and SimpleRNNs run on libtorch's own kernels either way in
 * libtorch 2.7.1, so they take the native route. The switch is process-wide, so no other thread may run a
 * convolution or a recurrence meanwhile: their backward passes wait for the gradient turn, and their forward
 * passes in a compiled network take the other side of the window's lock ({@link #nativeKernels}). Disarmed
 * (every other verdict), both calls simply run the forward pass. Any thread.
 */
public final class RecurrentOneDnn {

    private static final ReentrantReadWriteLock SWITCH_LOCK = new ReentrantReadWriteLock();
    private static volatile KernelSwitch armed;

    private RecurrentOneDnn() {
    }

    /**
     * Runs an LSTM's forward pass: on oneDNN when armed and this thread records gradients in its gradient
     * turn, otherwise as {@link #nativeKernels} does.
     */
    public static <T> T recurrent(Supplier<T> forward) {
        KernelSwitch oneDnn = armed;
        if (oneDnn == null || !JniUtils.isGradMode() || !GradientLock.heldByCurrentThread()) {
            return nativeKernels(forward);
        }
        if (SWITCH_LOCK.isWriteLockedByCurrentThread()) {
            return forward.get(); // inside a whole batch's window (OneDnnBatch): oneDNN is on already
        }
        SWITCH_LOCK.writeLock().lock();
        try {
            oneDnn.set(true);
            try {
                return forward.get();
            } finally {
                oneDnn.set(false);
            }
        } finally {
            SWITCH_LOCK.writeLock().unlock();
        }
    }

    /**
     * Runs a convolution's or a recurrence's forward pass on the kernels the verdict chose (libtorch's own
     * while armed), never inside another thread's oneDNN window.
     */
    public static <T> T nativeKernels(Supplier<T> forward) {
        if (armed == null) {
            return forward.get();
        }
        SWITCH_LOCK.readLock().lock();
        try {
            return forward.get();
        } finally {
            SWITCH_LOCK.readLock().unlock();
        }
    }

    /** True while recurrent layers that record gradients run on oneDNN. */
    public static boolean isArmed() {
        return armed != null;
    }

    /** Lets recurrences that record gradients switch {@code oneDnn} on for their call; it must be off now. */
    static void arm(KernelSwitch oneDnn) {
        armed = oneDnn;
    }

    static void disarm() {
        armed = null;
    }

    /** The switch while armed, else null. */
    static KernelSwitch armedSwitch() {
        return armed;
    }

    /** Takes the window's side of the lock (for {@link OneDnnBatch}); reentrant. */
    static void lockWindow() {
        SWITCH_LOCK.writeLock().lock();
    }

    static void unlockWindow() {
        SWITCH_LOCK.writeLock().unlock();
    }
}
