package org.layerloom.engine.train.event;

/** Parameters were written to disk: the last epoch's, and ({@code best}) the best so far by validation loss. */
public record CheckpointSaved(int epoch, String folder, boolean best) implements TrainingEvent {
    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.checkpointSaved(this);
    }

    @Override
    public String type() {
        return "checkpoint";
    }
}
