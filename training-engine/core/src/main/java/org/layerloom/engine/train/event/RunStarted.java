package org.layerloom.engine.train.event;

/**
 * A run began, or a saved run resumed: where it runs, how big it is and where training starts.
 *
 * @param device "cpu" or e.g. "gpu(0)"
 * @param threads the engine's intra-op threads
 * @param firstEpoch the 1-based epoch training starts in: 1 for a new run, later for a resumed one
 * @param firstBatch the 1-based batch of {@code firstEpoch} training starts with (after a stop within an
 *                   epoch, the batch after the last one trained)
 */
public record RunStarted(String runId, String device, int threads, int epochs, int batchesPerEpoch,
                         int trainExamples, int validationExamples, long parameters, int firstEpoch,
                         int firstBatch) implements TrainingEvent {

    /** Whether this run continues a saved one. */
    public boolean isResumed() {
        return firstEpoch > 1 || firstBatch > 1;
    }

    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.runStarted(this);
    }

    @Override
    public String type() {
        return "started";
    }
}
