package org.layerloom.engine.train.event;

import java.util.Objects;

/**
 * The live decision-boundary map of a network with 2-D inputs after step {@code step} (epoch
 * {@code epoch}, batch {@code batch}): see {@link DecisionMap}; its bounds are the training data's bounding
 * box with a 10 % margin, its unit maps those of the first hidden Dense layers. Sent with the health
 * captures when the job asks for it. The inspect views take a saved run's map as epoch 0. Immutable; any
 * thread.
 */
public record DecisionMapCaptured(int epoch, int batch, long step, DecisionMap map) implements TrainingEvent {

    public DecisionMapCaptured {
        Objects.requireNonNull(map, "map");
    }

    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.decisionMapCaptured(this);
    }

    @Override
    public String type() {
        return "decision_map";
    }
}
