package org.layerloom.engine.train.event;

/**
 * One epoch finished, with its training averages and the validation result (NaN when there is no
 * validation split; accuracies are NaN for regression).
 */
public record EpochEnded(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                         double validationAccuracy, double learningRate, double seconds) implements TrainingEvent {
    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.epochEnded(this);
    }

    @Override
    public String type() {
        return "epoch";
    }
}
