package org.layerloom.engine.graph.edit;

import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Position;

/** Moves one node on the canvas. */
public record MoveNodeEdit(String nodeId, Position from, Position to) implements GraphEdit {

    @Override
    public NetworkGraph applyTo(NetworkGraph graph) {
        Node node = graph.node(nodeId)
                .orElseThrow(() -> new IllegalStateException("no node '" + nodeId + "'"));
        if (!node.position().equals(from)) {
            throw new IllegalStateException("node '" + nodeId + "' is not at " + from);
        }
        return graph.withReplacedNode(node.withPosition(to));
    }

    @Override
    public GraphEdit inverted() {
        return new MoveNodeEdit(nodeId, to, from);
    }

    @Override
    public String description() {
        return "Move " + nodeId;
    }
}
