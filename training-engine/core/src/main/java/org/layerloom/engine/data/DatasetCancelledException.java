package org.layerloom.engine.data;

/** Loading stopped because its {@link ProgressListener} asked to cancel; not an error to show as one. */
public final class DatasetCancelledException extends DatasetException {

    public DatasetCancelledException() {
        super("Loading the dataset was cancelled.");
    }
}
