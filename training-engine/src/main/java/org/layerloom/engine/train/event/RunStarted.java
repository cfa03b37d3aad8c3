package org.layerloom.engine.train.event;

/**
 * A run began: where it runs and how big it is.
 *
 * @param device "cpu" or e.g. "gpu(0)"
 * @param threads the engine's intra-op threads
 */
public record RunStarted(String runId, String device, int threads, int epochs, int batchesPerEpoch,
                         int trainExamples, int validationExamples, long parameters) implements TrainingEvent {
    @Override
    public String type() {
        return "started";
    }
}
