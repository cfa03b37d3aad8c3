package org.layerloom.engine.kernels;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.layerloom.engine.train.GradientLock;

/**
 * oneDNN for a whole training batch (forward, loss and backward) of a network whose own convolutions were
 * found right on it, on a processor where the {@link KernelGuard} found oneDNN wrong for some shapes and kept
 * it for training recurrences only ({@link KernelChoice#ONEDNN_FOR_TRAINING_RECURRENCES}). On the AMD EPYC of
 * family 26, oneDNN's channels-first and one-channel convolutions fail the self-test while the benchmark CNN's
 * own convolutions agree with libtorch's kernels, and train it about 1.7 times as fast; libtorch picks a
 * convolution's backward kernel when the backward pass runs, so the window spans the backward pass too.
 *
 * <p>{@link #bothWays} runs a check on libtorch's own kernels and on oneDNN; the training loop opens a window
 * ({@link #open}) only for a network whose check passed, in its gradient turn. The window holds the same lock
 * as the recurrent window, so no other thread runs a convolution or a recurrence meanwhile (their forward
 * passes wait on its other side, their backward passes on the gradient turn). Any thread; a window is closed by
 * the thread that opened it.
 */
public final class OneDnnBatch implements AutoCloseable {

    private static final OneDnnBatch NONE = new OneDnnBatch(null);

    private final KernelSwitch oneDnn;

    private OneDnnBatch(KernelSwitch oneDnn) {
        this.oneDnn = oneDnn;
    }

    /** Whether a batch can run on oneDNN here: the kernel guard chose oneDNN for training recurrences only. */
    public static boolean available() {
        return RecurrentOneDnn.armedSwitch() != null;
    }

    /**
     * Runs {@code check} on libtorch's own kernels, then on oneDNN, inside a window (this thread must hold the
     * gradient turn); empty when oneDNN is not {@link #available()}.
     *
     * @return the two results: libtorch's own kernels first
     */
    public static <T> Optional<List<T>> bothWays(Supplier<T> check) {
        KernelSwitch oneDnn = RecurrentOneDnn.armedSwitch();
        if (oneDnn == null) {
            return Optional.empty();
        }
        requireTurn();
        RecurrentOneDnn.lockWindow();
        try {
            T plain = check.get();
            oneDnn.set(true);
            try {
                return Optional.of(List.of(plain, check.get()));
            } finally {
                oneDnn.set(false);
            }
        } finally {
            RecurrentOneDnn.unlockWindow();
        }
    }

    /**
     * Opens a window for one training batch when {@code checked} (the network's convolutions passed
     * {@link #bothWays}) and oneDNN is available; otherwise a window that changes nothing. Open it in the gradient
     * turn, right around the batch's forward, loss and backward passes.
     */
    public static OneDnnBatch open(boolean checked) {
        KernelSwitch oneDnn = checked ? RecurrentOneDnn.armedSwitch() : null;
        if (oneDnn == null) {
            return NONE;
        }
        requireTurn();
        RecurrentOneDnn.lockWindow();
        oneDnn.set(true);
        return new OneDnnBatch(oneDnn);
    }

    /** Whether this window runs the batch on oneDNN. */
    public boolean onOneDnn() {
        return oneDnn != null;
    }

    @Override
    public void close() {
        if (oneDnn != null) {
            try {
                oneDnn.set(false);
            } finally {
                RecurrentOneDnn.unlockWindow();
            }
        }
    }

    private static void requireTurn() {
        if (!GradientLock.heldByCurrentThread()) {
            throw new IllegalStateException("a oneDNN batch runs in the gradient turn");
        }
    }
}
