package org.layerloom.engine.train.event;

/**
 * One training step finished.
 *
 * @param epoch 1-based epoch
 * @param batch 1-based batch within the epoch
 * @param accuracy fraction correct in this batch; NaN for regression
 * @param samplesPerSecond the recent training throughput
 * @param step the 1-based step counted over the whole run
 */
public record BatchEnded(int epoch, int batch, int batchesInEpoch, double loss, double accuracy,
                         double learningRate, double samplesPerSecond, long step) implements TrainingEvent {
    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.batchEnded(this);
    }

    @Override
    public String type() {
        return "batch";
    }
}
