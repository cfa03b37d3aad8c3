package org.layerloom.engine.train.event;

/**
 * The run could not go on. {@code reason} says, in a student's words, what happened and what to try
 * ("the loss became NaN at epoch 2 batch 31; the learning rate 1.0 is probably too high — try 0.001");
 * {@code detail} holds technical detail for a bug report, or "".
 */
public record RunFailed(String reason, String detail, int epoch, int batch) implements TrainingEvent {
    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.runFailed(this);
    }

    @Override
    public String type() {
        return "failed";
    }
}
