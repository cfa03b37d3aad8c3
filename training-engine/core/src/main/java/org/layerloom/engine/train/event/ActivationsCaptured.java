package org.layerloom.engine.train.event;

import java.util.List;

/**
 * Live previews of every node's output (Input node included) on the first probe example after the
 * optimizer step {@code step}, sent with {@link LayerHealthCaptured} when the job's inspection asks for
 * thumbnails: each a {@link NodeActivation} pooled to at most 8 feature maps of at most 14 × 14 (C, H, W),
 * a sequence of at most 16 × 16 (T, F) or a vector of at most 64 values (F). Immutable; any thread.
 */
public record ActivationsCaptured(int epoch, int batch, long step, List<NodeActivation> nodes)
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
