package org.layerloom.engine.inspect;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.train.event.NodeActivation;

/**
 * Everything the activation view shows for one input: the prediction, every node's output in the order
 * the nodes run (the Input node's is the input itself), each node's layer kind, whether the input is token
 * ids, and the attention weights of attention nodes. Immutable; any thread.
 *
 * @param readsTokens whether the Input node's output is token ids (a text model)
 */
public record Inspection(Prediction prediction, List<NodeActivation> layers, Map<String, LayerKind> kinds,
                         boolean readsTokens, List<AttentionWeights> attention) {

    public Inspection {
        layers = List.copyOf(layers);
        kinds = Map.copyOf(kinds);
        attention = List.copyOf(attention);
        for (NodeActivation layer : layers) {
            Objects.requireNonNull(kinds.get(layer.nodeId()), () -> "no layer kind for '" + layer.nodeId() + "'");
        }
    }

    /** The output of node {@code nodeId}, if it is part of the compiled network. */
    public Optional<NodeActivation> layer(String nodeId) {
        return layers.stream().filter(l -> l.nodeId().equals(nodeId)).findFirst();
    }

    /** The layer kind of {@code layer}'s node. */
    public LayerKind kind(NodeActivation layer) {
        return kinds.get(layer.nodeId());
    }

    /** How to draw {@code layer}'s output: token ids for the Input node of a text model, else by its shape. */
    public ActivationLayout layout(NodeActivation layer) {
        return ActivationLayout.of(layer.output().shape(), readsTokens && kind(layer) == LayerKind.INPUT);
    }

    /** The statistics of {@code layer}'s output, as the card shows them. */
    public static ArrayStats stats(NodeActivation layer) {
        return ArrayStats.of(layer.output().values());
    }
}
