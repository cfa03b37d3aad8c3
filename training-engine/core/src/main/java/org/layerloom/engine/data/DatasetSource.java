package org.layerloom.engine.data;

/**
 * Produces a {@link Dataset} from a {@link DatasetRequest}: reads files or generates examples, then splits
 * them. Implementations are stateless and may be shared; {@code load} runs on a background thread, reports
 * progress to the listener and stops with {@link DatasetCancelledException} when it asks to cancel.
 */
public interface DatasetSource {

    Dataset load(DatasetRequest request, ProgressListener progress) throws DatasetException;
}
