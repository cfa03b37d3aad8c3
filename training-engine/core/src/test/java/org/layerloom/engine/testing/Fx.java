package org.layerloom.engine.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/**
 * Runs a piece of a UI test on the JavaFX thread and waits for it, so that the test reads top to bottom.
 * The toolkit must be started (TestFX's extension or {@code Platform.startup}). Test code only; call it from
 * the test's thread, never from the JavaFX thread itself.
 */
public final class Fx {

    /** How long one action may take before the test fails. */
    private static final long TIMEOUT_SECONDS = 60;

    private Fx() {
    }

    /**
     * Runs {@code action} on the JavaFX thread and returns once it has finished. A failed assertion or an
     * unchecked exception inside it is thrown here as it is; the test fails if it does not finish within a minute.
     */
    public static void run(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                action.run();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the JavaFX thread did not finish the action within " + TIMEOUT_SECONDS + " s");
        }
        Throwable thrown = failure.get();
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown instanceof RuntimeException exception) {
            throw exception;
        }
        if (thrown != null) {
            throw new AssertionError(thrown);
        }
    }
}
