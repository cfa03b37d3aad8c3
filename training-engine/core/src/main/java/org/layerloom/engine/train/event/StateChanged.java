package org.layerloom.engine.train.event;

/** The run moved to another state (paused, resumed, stopping...), at this point of training. */
public record StateChanged(RunState state, int epoch, int batch) implements TrainingEvent {
    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.stateChanged(this);
    }

    @Override
    public String type() {
        return "state";
    }
}
