package org.layerloom.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The window's background threads, one daemon thread per purpose, so that a long inspection never delays an
 * autosave or an Open. Built and shut down by the composition root on the JavaFX thread; the executors
 * themselves take work from any thread.
 */
final class BackgroundExecutors {

    /** Project files, autosave, the network check, sample copies and the run history. */
    final ExecutorService files = daemon("layerloom-files");
    /** Datasets: the Data area's preview and the dataset of a training about to start. */
    final ExecutorService data = daemon("layerloom-data");
    /** Downloads of standard datasets, which may take minutes and must not hold up a preview. */
    final ExecutorService downloads = daemon("layerloom-downloads");
    /** The Inspect area's engine work (activations, Grad-CAM), which may take long. */
    final ExecutorService compute = daemon("layerloom-compute");
    /** Times a few batches of each sample once the engine has loaded, at the lowest priority. */
    final ExecutorService estimates = daemon("layerloom-sample-times", Thread.MIN_PRIORITY);
    /** Loads the engine once, at start. */
    final ExecutorService engine = daemon("layerloom-engine");

    /** Ends the executors; pending file writes (recovery writes or deletes, saves) get two seconds to finish. */
    void shutdown() {
        engine.shutdownNow();
        data.shutdownNow();
        downloads.shutdownNow();
        compute.shutdownNow();
        estimates.shutdownNow();
        files.shutdown();
        try {
            if (!files.awaitTermination(2, TimeUnit.SECONDS)) {
                files.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

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
