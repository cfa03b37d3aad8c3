package org.layerloom.engine.graph.edit;

import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;

/** Gives a node another display name (its id stays). */
public record RenameNodeEdit(String nodeId, String before, String after) implements GraphEdit {

    @Override
    public NetworkGraph applyTo(NetworkGraph graph) {
        Node node = graph.node(nodeId)
                .orElseThrow(() -> new IllegalStateException("no node '" + nodeId + "'"));
        if (!node.name().equals(before)) {
            throw new IllegalStateException("node '" + nodeId + "' is not named '" + before + "'");
        }
        return graph.withReplacedNode(node.withName(after));
    }

    @Override
    public GraphEdit inverted() {
        return new RenameNodeEdit(nodeId, after, before);
    }

    @Override
    public String description() {
        return "Rename " + before + " to " + after;
    }
}
