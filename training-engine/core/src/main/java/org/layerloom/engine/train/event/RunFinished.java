package org.layerloom.engine.train.event;

import java.util.Objects;

/**
 * The run ended normally or was stopped by the student (then {@code stoppedEarly}), with the test
 * metrics of the best checkpoint and the run folder. Made with {@link #builder()}.
 *
 * @param bestEpoch the epoch whose parameters were kept as best (lowest validation loss)
 * @param reason why it ended: "completed", "stopped by you", "early stopping: validation loss ..."
 */
public record RunFinished(String runId, String runFolder, int epochsDone, int bestEpoch, boolean stoppedEarly,
                          String reason, TestMetrics test, double seconds) implements TrainingEvent {

    /** A builder of a run's end; it "completed" unless told it stopped early. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.runFinished(this);
    }

    @Override
    public String type() {
        return "finished";
    }

    /** Builds a {@link RunFinished}: {@code set*} values are required, {@code opt*} ones have defaults. One thread. */
    public static final class Builder {
        private String runId;
        private String runFolder;
        private int epochsDone = -1;
        private int bestEpoch;
        private TestMetrics test;
        private boolean stoppedEarly;
        private String reason = "completed";
        private double seconds;

        private Builder() {
        }

        /** The run's id and its folder. */
        public Builder setRun(String runId, String runFolder) {
            this.runId = runId;
            this.runFolder = runFolder;
            return this;
        }

        /** How many epochs were trained, and the one kept as best. */
        public Builder setEpochs(int epochsDone, int bestEpoch) {
            this.epochsDone = epochsDone;
            this.bestEpoch = bestEpoch;
            return this;
        }

        /** The test metrics of the best checkpoint. */
        public Builder setTest(TestMetrics test) {
            this.test = test;
            return this;
        }

        /** Whether the run stopped before its last epoch, and why it ended; false and "completed" by default. */
        public Builder optEnd(boolean stoppedEarly, String reason) {
            this.stoppedEarly = stoppedEarly;
            this.reason = reason;
            return this;
        }

        /** The seconds the run trained; 0 by default. */
        public Builder optSeconds(double seconds) {
            this.seconds = seconds;
            return this;
        }

        /** The event; the run, the epochs and the test metrics must have been set. */
        public RunFinished build() {
            Objects.requireNonNull(runId, "setRun is required");
            Objects.requireNonNull(test, "setTest is required");
            if (epochsDone < 0) {
                throw new IllegalStateException("setEpochs is required");
            }
            return new RunFinished(runId, runFolder, epochsDone, bestEpoch, stoppedEarly, reason, test, seconds);
        }
    }
}
