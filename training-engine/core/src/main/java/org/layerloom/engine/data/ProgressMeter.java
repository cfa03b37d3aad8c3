package org.layerloom.engine.data;

/**
 * Adds up the work of one load (possibly over several files) for a {@link ProgressListener}, and turns a
 * cancellation request into {@link DatasetCancelledException}. Used on the loading thread only.
 */
public final class ProgressMeter {

    private final ProgressListener listener;
    private final long total;
    private long done;

    public ProgressMeter(ProgressListener listener, long total) {
        this.listener = listener;
        this.total = total;
    }

    /** Adds {@code units} of work done on {@code step}, reports it, and stops if cancelled. */
    public void advance(String step, long units) throws DatasetCancelledException {
        done += units;
        listener.progressDidChange(step, done, total);
        checkCancelled();
    }

    /** Reports all work done (a load may skip the end of a file, e.g. with a training limit). */
    public void finish(String step) {
        done = Math.max(done, total);
        listener.progressDidChange(step, done, total);
    }

    public void checkCancelled() throws DatasetCancelledException {
        if (listener.isCancelled()) {
            throw new DatasetCancelledException();
        }
    }
}
