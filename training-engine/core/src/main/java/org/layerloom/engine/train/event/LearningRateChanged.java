package org.layerloom.engine.train.event;

/** The student changed the learning rate (e.g. while paused); charts mark it "lr 0.01 -> 0.001 at epoch 3". */
public record LearningRateChanged(int epoch, int batch, double from, double to) implements TrainingEvent {
    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.learningRateChanged(this);
    }

    @Override
    public String type() {
        return "lr";
    }
}
