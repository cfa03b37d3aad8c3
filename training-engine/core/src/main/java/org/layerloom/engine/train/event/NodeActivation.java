package org.layerloom.engine.train.event;

import java.util.Objects;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * One node's output for one example, as plain numbers: the node and its output without the batch axis,
 * e.g. {@code (16)}, {@code (32, 26, 26)} or, for the input of a text model, token ids as floats. The
 * saved-run inspector returns whole outputs; the live previews of {@link ActivationsCaptured} are pooled
 * down to a few hundred values for the graph. Immutable; any thread.
 */
public record NodeActivation(String nodeId, FloatTensor output) {

    public NodeActivation {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(output, "output");
    }

    @Override
    public String toString() {
        return "NodeActivation[" + nodeId + " " + java.util.Arrays.toString(output.shape()) + "]";
    }
}
