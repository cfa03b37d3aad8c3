package org.layerloom.engine.inspect;

import java.util.List;
import java.util.Optional;

/**
 * Everything the activation view shows for one input: the prediction, every node's output in the order
 * the nodes run (the Input node's is the input itself) and the attention weights of attention nodes.
 * Immutable; any thread.
 */
public record Inspection(Prediction prediction, List<LayerActivation> layers, List<AttentionWeights> attention) {

    public Inspection {
        layers = List.copyOf(layers);
        attention = List.copyOf(attention);
    }

    /** The output of node {@code nodeId}, if it is part of the compiled network. */
    public Optional<LayerActivation> layer(String nodeId) {
        return layers.stream().filter(l -> l.nodeId().equals(nodeId)).findFirst();
    }
}
