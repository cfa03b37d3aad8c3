package org.layerloom.engine.train.event;

import java.util.List;

/**
 * Training-health statistics of every node (in running order, the Input node left out) after the
 * optimizer step {@code step} (epoch {@code epoch}, batch {@code batch}); sent every N batches and/or at
 * the end of each epoch when the job asks for inspection. {@code captureMillis} is what this capture cost
 * the training worker (the extra work around the step, the probe pass, statistics and previews), so its
 * cost can be shown next to the batch times. Immutable; any thread.
 */
public record LayerHealthCaptured(int epoch, int batch, long step, List<LayerHealth> layers, double captureMillis)
        implements TrainingEvent {

    public LayerHealthCaptured {
        layers = List.copyOf(layers);
    }

    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.layerHealthCaptured(this);
    }

    @Override
    public String type() {
        return "health";
    }
}
