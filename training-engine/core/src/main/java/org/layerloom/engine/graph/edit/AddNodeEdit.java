package org.layerloom.engine.graph.edit;

import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;

/** Adds a node, with no wires, at a place in the node list. */
public record AddNodeEdit(Node node, int index) implements GraphEdit {

    @Override
    public NetworkGraph applyTo(NetworkGraph graph) {
        if (graph.contains(node.id())) {
            throw new IllegalStateException("a node '" + node.id() + "' exists already");
        }
        return graph.withNode(Math.min(index, graph.nodes().size()), node);
    }

    @Override
    public GraphEdit inverted() {
        return new RemoveNodeEdit(node, index);
    }

    @Override
    public String description() {
        return "Add " + node.name();
    }
}
