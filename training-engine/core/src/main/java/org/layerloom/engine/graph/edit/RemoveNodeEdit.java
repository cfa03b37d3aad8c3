package org.layerloom.engine.graph.edit;

import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;

/**
 * Removes a node that has no wires left. {@link GraphEdits#removeNodes} removes the wires first, in
 * the same composite edit.
 */
public record RemoveNodeEdit(Node node, int index) implements GraphEdit {

    @Override
    public NetworkGraph applyTo(NetworkGraph graph) {
        Node current = graph.node(node.id())
                .orElseThrow(() -> new IllegalStateException("no node '" + node.id() + "' to remove"));
        if (!current.equals(node)) {
            throw new IllegalStateException("node '" + node.id() + "' changed since this edit was made");
        }
        return graph.withoutNode(node.id());
    }

    @Override
    public GraphEdit inverted() {
        return new AddNodeEdit(node, index);
    }

    @Override
    public String description() {
        return "Delete " + node.name();
    }
}
