package org.layerloom.engine.train;

import java.util.concurrent.CompletableFuture;
import org.layerloom.engine.kernels.KernelGuard;

/**
 * Loads the PyTorch engine (its native library, about half a second warm and two seconds on the very
 * first start) and checks its CPU kernels ({@link KernelGuard}) on a daemon thread, so that it overlaps with reading the project and its dataset instead
 * of delaying the first batch. Loading twice is harmless: DJL loads the engine once per process and a
 * later caller simply waits for it. Any thread; failures are left for the training run to report.
 */
public final class EngineWarmUp {

    private EngineWarmUp() {
    }

    /** Starts loading the engine in the background and returns at once. */
    public static void start() {
        CompletableFuture.runAsync(EngineWarmUp::load, runnable -> {
            Thread thread = new Thread(runnable, "layerloom-engine-warm-up");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private static void load() {
        try {
            KernelGuard.ensure();
        } catch (RuntimeException | LinkageError e) {
            // The training run loads the engine again and turns the failure into a message.
        }
    }
}
