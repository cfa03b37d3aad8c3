package org.layerloom.engine.train.event;

import java.util.Objects;

/**
 * A run began, or a saved run resumed: where it runs, how big it is and where training starts. Made with
 * {@link #builder()}.
 *
 * @param device "cpu" or e.g. "gpu(0)"
 * @param threads the engine's intra-op threads
 * @param firstEpoch the 1-based epoch training starts in: 1 for a new run, later for a resumed one
 * @param firstBatch the 1-based batch of {@code firstEpoch} training starts with (after a stop within an
 *                   epoch, the batch after the last one trained)
 * @param untilStopped whether the run trains on past its {@code epochs} until it is stopped
 */
public record RunStarted(String runId, String device, int threads, int epochs, int batchesPerEpoch,
                         int trainExamples, int validationExamples, long parameters, int firstEpoch,
                         int firstBatch, boolean untilStopped) implements TrainingEvent {

    /** The start of a run that ends after its epochs. */
    public RunStarted(String runId, String device, int threads, int epochs, int batchesPerEpoch, int trainExamples,
                      int validationExamples, long parameters, int firstEpoch, int firstBatch) {
        this(runId, device, threads, epochs, batchesPerEpoch, trainExamples, validationExamples, parameters, firstEpoch,
                firstBatch, false);
    }

    /** A builder of a new run's start (epoch 1, batch 1) on one CPU thread, with no examples counted. */
    public static Builder builder() {
        return new Builder();
    }

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

    /** Builds a {@link RunStarted}: {@code set*} values are required, {@code opt*} ones have defaults. One thread. */
    public static final class Builder {
        private String runId;
        private int epochs = -1;
        private int batchesPerEpoch = -1;
        private String device = "cpu";
        private int threads = 1;
        private int trainExamples;
        private int validationExamples;
        private long parameters;
        private int firstEpoch = 1;
        private int firstBatch = 1;
        private boolean untilStopped;

        private Builder() {
        }

        /** The run's id (its folder's name). */
        public Builder setRunId(String runId) {
            this.runId = runId;
            return this;
        }

        /** How many epochs the run trains, each of {@code batchesPerEpoch} batches. */
        public Builder setEpochs(int epochs, int batchesPerEpoch) {
            this.epochs = epochs;
            this.batchesPerEpoch = batchesPerEpoch;
            return this;
        }

        /** Where it runs ("cpu" or e.g. "gpu(0)") and with how many intra-op threads; "cpu" and 1 by default. */
        public Builder optDevice(String device, int threads) {
            this.device = device;
            this.threads = threads;
            return this;
        }

        /** The numbers of training and validation examples; 0 by default. */
        public Builder optExamples(int train, int validation) {
            this.trainExamples = train;
            this.validationExamples = validation;
            return this;
        }

        /** The network's trainable parameters; 0 by default. */
        public Builder optParameters(long parameters) {
            this.parameters = parameters;
            return this;
        }

        /** Where a resumed run starts: the 1-based epoch and batch in it; epoch 1, batch 1 (a new run) by default. */
        public Builder optFirstBatch(int epoch, int batch) {
            this.firstEpoch = epoch;
            this.firstBatch = batch;
            return this;
        }

        /** Whether the run trains on past its epochs until it is stopped; false by default. */
        public Builder optUntilStopped(boolean on) {
            this.untilStopped = on;
            return this;
        }

        /** The event; the run id and the epochs must have been set. */
        public RunStarted build() {
            Objects.requireNonNull(runId, "setRunId is required");
            if (epochs < 0 || batchesPerEpoch < 0) {
                throw new IllegalStateException("setEpochs is required");
            }
            return new RunStarted(runId, device, threads, epochs, batchesPerEpoch, trainExamples, validationExamples,
                    parameters, firstEpoch, firstBatch, untilStopped);
        }
    }
}
