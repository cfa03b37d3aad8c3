package org.layerloom.engine.train.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.edit.CompositeEdit;
import org.layerloom.engine.graph.edit.GraphEdit;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * A suggested activation function (e.g. "relu") instead of those in {@code replacing} (e.g. sigmoid and
 * tanh, where gradients vanish) for the layers {@code nodeIds}, or for every layer when that list is empty;
 * only layers with an {@code activation} setting are changed, all in one undo step. Immutable; any thread.
 */
public record ActivationChange(List<String> nodeIds, java.util.Set<String> replacing, String activation,
                               String description) implements GraphChange {

    static final String PARAMETER = "activation";

    public ActivationChange {
        nodeIds = List.copyOf(nodeIds);
        replacing = java.util.Set.copyOf(replacing);
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(description, "description");
    }

    private List<Node> targets(NetworkGraph graph) {
        List<Node> nodes = new ArrayList<>();
        for (Node node : graph.nodes()) {
            if ((nodeIds.isEmpty() || nodeIds.contains(node.id())) && node.params().has(PARAMETER)
                    && replacing.contains(node.params().choice(PARAMETER))) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    @Override
    public boolean appliesTo(NetworkGraph graph) {
        return !targets(graph).isEmpty();
    }

    @Override
    public GraphEdit edit(NetworkGraph graph) {
        List<GraphEdit> edits = new ArrayList<>();
        for (Node node : targets(graph)) {
            edits.add(GraphEdits.setParameter(graph, node.id(), PARAMETER, new ParamValue.Choice(activation)));
        }
        if (edits.isEmpty()) {
            throw new IllegalStateException("no layer left to change to " + activation);
        }
        return new CompositeEdit(label(), edits);
    }

    @Override
    public String label() {
        return description;
    }
}
