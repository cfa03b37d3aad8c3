package org.layerloom.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The window's background threads, one daemon thread per purpose, so that a long inspection never delays an
 * autosave or an Open. Built and shut down by the composition root on the JavaFX thread; the executors
 * themselves take work from any thread.
 */
final class BackgroundExecutors {

    /** Project files, the network check, sample copies and the run history. */
    final ExecutorService files = daemon("layerloom-files");
    /**
     * The recovery slot: the edit journal and the autosave snapshots, in order on one thread (a save never delays a
     * journaled edit); it also times the journal's forces to the disk.
     */
    final ScheduledExecutorService recovery = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "layerloom-recovery");
        thread.setDaemon(true);
        return thread;
    });
    /** Datasets: the Data area's preview and the dataset of a training about to start. */
    final ExecutorService data = daemon("layerloom-data");
    /** Downloads of standard datasets, which may take minutes and must not hold up a preview. */
    final ExecutorService downloads = daemon("layerloom-downloads");
    /** The Inspect area's engine work (activations, Grad-CAM), which may take long. */
    final ExecutorService compute = daemon("layerloom-compute");
    /** Times a few batches of each sample once the engine has loaded, at the lowest priority. */
    final ExecutorService estimates = daemon("layerloom-sample-times", Thread.MIN_PRIORITY);
    /**
     * The threads on which the status bar's task list waits for each listed task to end (one per running task;
     * they only wait).
     */
    final ExecutorService taskWaiters = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "layerloom-task-list");
        thread.setDaemon(true);
        return thread;
    });
    /** Loads the engine once, at start. */
    final ExecutorService engine = daemon("layerloom-engine");

    /**
     * Ends the executors; pending file writes (journaled edits, recovery writes or deletes, saves) get two seconds to finish.
     * Work inside libtorch (the engine's loading and kernel self-test, an inspection, a sample's timing run, which
     * stops its training and waits for it once interrupted) cannot be interrupted at once, and
     * the process must not end under it (libtorch then crashes the JVM on exit), so that work gets up to
     * {@link #NATIVE_GRACE_SECONDS} seconds to return.
     */
    void shutdown() {
        engine.shutdownNow();
        data.shutdownNow();
        downloads.shutdownNow();
        compute.shutdownNow();
        estimates.shutdownNow();
        taskWaiters.shutdownNow();
        files.shutdown();
        recovery.shutdown();
        try {
            long filesDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            for (ExecutorService writes : new ExecutorService[] {files, recovery}) {
                if (!writes.awaitTermination(Math.max(0, filesDeadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    writes.shutdownNow();
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(NATIVE_GRACE_SECONDS);
            for (ExecutorService nativeWork : new ExecutorService[] {engine, compute, estimates}) {
                nativeWork.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long, at most, quitting waits for a call into libtorch to return. */
    static final int NATIVE_GRACE_SECONDS = 10;

    private static ExecutorService daemon(String name) {
        return daemon(name, Thread.NORM_PRIORITY);
    }

    private static ExecutorService daemon(String name, int priority) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.setPriority(priority);
            return thread;
        });
    }
}
