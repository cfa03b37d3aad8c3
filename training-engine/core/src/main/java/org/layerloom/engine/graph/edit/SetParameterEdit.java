package org.layerloom.engine.graph.edit;

import java.util.Objects;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;

/** Changes one parameter of one node from {@code before} to {@code after}. */
public record SetParameterEdit(String nodeId, String name, ParamValue before, ParamValue after,
                               String nodeName) implements GraphEdit {

    public SetParameterEdit {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    @Override
    public NetworkGraph applyTo(NetworkGraph graph) {
        Node node = graph.node(nodeId)
                .orElseThrow(() -> new IllegalStateException("no node '" + nodeId + "'"));
        if (!node.params().has(name) || !node.params().get(name).equals(before)) {
            throw new IllegalStateException("parameter '" + name + "' of '" + nodeId + "' is not " + before.display());
        }
        return graph.withReplacedNode(node.withParam(name, after));
    }

    @Override
    public GraphEdit inverted() {
        return new SetParameterEdit(nodeId, name, after, before, nodeName);
    }

    @Override
    public String description() {
        return "Set " + name + " of " + nodeName + " to " + after.display();
    }
}
