package org.layerloom.engine.train.event;

import java.util.List;

/**
 * Live previews of every node's output (Input node included) on the first probe example after the
 * optimizer step {@code step}, sent with {@link LayerHealthCaptured} when the job's inspection asks for
 * thumbnails. Immutable; any thread.
 */
public record ActivationsCaptured(int epoch, int batch, long step, List<ActivationThumbnail> nodes)
        implements TrainingEvent {

    public ActivationsCaptured {
        nodes = List.copyOf(nodes);
    }

    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.activationsCaptured(this);
    }

    @Override
    public String type() {
        return "activations";
    }
}
