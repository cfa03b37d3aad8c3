package org.layerloom.engine.data;

/**
 * Hears how far a {@link DatasetSource} has got, and may ask it to stop. Called on the loading thread, so an
 * implementation that updates a UI must hand the numbers over (e.g. to a queue drained by the UI thread).
 */
public interface ProgressListener {

    /**
     * {@code done} out of {@code total} units of {@code step} (e.g. "Reading train-images-idx3-ubyte.gz"; bytes
     * for files, examples for generated data). {@code total} is 0 or less when unknown.
     */
    void progressDidChange(String step, long done, long total);

    /** Polled between chunks of work; once true, the source stops with {@link DatasetCancelledException}. */
    default boolean isCancelled() {
        return false;
    }

    /** A listener that ignores progress and never cancels. */
    static ProgressListener none() {
        return (step, done, total) -> { };
    }
}
