package org.layerloom.engine.train.event;

/**
 * The run ended normally or was stopped by the student (then {@code stoppedEarly}), with the test
 * metrics of the best checkpoint and the run folder.
 *
 * @param bestEpoch the epoch whose parameters were kept as best (lowest validation loss)
 * @param reason why it ended: "completed", "stopped by you", "early stopping: validation loss ..."
 */
public record RunFinished(String runId, String runFolder, int epochsDone, int bestEpoch, boolean stoppedEarly,
                          String reason, TestMetrics test, double seconds) implements TrainingEvent {
    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.runFinished(this);
    }

    @Override
    public String type() {
        return "finished";
    }
}
