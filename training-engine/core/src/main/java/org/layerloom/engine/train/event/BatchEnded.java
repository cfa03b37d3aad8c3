package org.layerloom.engine.train.event;

/**
 * One training step finished. Made with {@link #builder()}.
 *
 * @param epoch 1-based epoch
 * @param batch 1-based batch within the epoch
 * @param accuracy fraction correct in this batch; NaN for regression
 * @param samplesPerSecond the recent training throughput
 * @param step the 1-based step counted over the whole run
 */
public record BatchEnded(int epoch, int batch, int batchesInEpoch, double loss, double accuracy,
                         double learningRate, double samplesPerSecond, long step) implements TrainingEvent {

    /** A builder of a batch's end; the accuracy is NaN (regression) unless given. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.batchEnded(this);
    }

    @Override
    public String type() {
        return "batch";
    }

    /** Builds a {@link BatchEnded}: {@code set*} values are required, {@code opt*} ones have defaults. One thread. */
    public static final class Builder {
        private int epoch = -1;
        private int batch = -1;
        private int batchesInEpoch = -1;
        private long step = -1;
        private double loss = Double.NaN;
        private double accuracy = Double.NaN;
        private double learningRate = Double.NaN;
        private double samplesPerSecond = Double.NaN;
        private boolean lossSet;
        private boolean learningRateSet;
        private boolean speedSet;

        private Builder() {
        }

        /** The 1-based epoch, the 1-based batch in it and the number of batches in that epoch. */
        public Builder setBatch(int epoch, int batch, int batchesInEpoch) {
            this.epoch = epoch;
            this.batch = batch;
            this.batchesInEpoch = batchesInEpoch;
            return this;
        }

        /** The 1-based step counted over the whole run. */
        public Builder setStep(long step) {
            this.step = step;
            return this;
        }

        /** The batch's loss. */
        public Builder setLoss(double loss) {
            this.loss = loss;
            lossSet = true;
            return this;
        }

        /** The learning rate of the step. */
        public Builder setLearningRate(double learningRate) {
            this.learningRate = learningRate;
            learningRateSet = true;
            return this;
        }

        /** The recent training throughput. */
        public Builder setSamplesPerSecond(double samplesPerSecond) {
            this.samplesPerSecond = samplesPerSecond;
            speedSet = true;
            return this;
        }

        /** The fraction correct in this batch; NaN (regression) by default. */
        public Builder optAccuracy(double accuracy) {
            this.accuracy = accuracy;
            return this;
        }

        /** The event; every {@code set*} value must have been given. */
        public BatchEnded build() {
            if (epoch < 0 || step < 0 || !lossSet || !learningRateSet || !speedSet) {
                throw new IllegalStateException("setBatch, setStep, setLoss, setLearningRate and setSamplesPerSecond"
                        + " are required");
            }
            return new BatchEnded(epoch, batch, batchesInEpoch, loss, accuracy, learningRate, samplesPerSecond, step);
        }
    }
}
