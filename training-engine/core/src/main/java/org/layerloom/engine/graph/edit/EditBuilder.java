package org.layerloom.engine.graph.edit;

import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Wire;

/**
 * Builds a {@link CompositeEdit} step by step against a working copy of the graph, so every step
 * records the indices it really has when it is applied. Single use, single thread.
 */
final class EditBuilder {

    private final List<GraphEdit> edits = new ArrayList<>();
    private NetworkGraph current;

    EditBuilder(NetworkGraph start) {
        this.current = start;
    }

    NetworkGraph current() {
        return current;
    }

    EditBuilder add(GraphEdit edit) {
        current = edit.applyTo(current);
        edits.add(edit);
        return this;
    }

    EditBuilder addNode(Node node) {
        return add(new AddNodeEdit(node, current.nodes().size()));
    }

    EditBuilder removeNode(String nodeId) {
        for (Wire wire : current.wiresTouching(nodeId)) {
            removeWire(wire);
        }
        return add(new RemoveNodeEdit(current.requireNode(nodeId), current.indexOfNode(nodeId)));
    }

    EditBuilder addWire(Wire wire, int index) {
        if (current.wires().contains(wire)) {
            return this;
        }
        return add(new AddWireEdit(wire, Math.min(index, current.wires().size())));
    }

    EditBuilder addWire(Wire wire) {
        return addWire(wire, current.wires().size());
    }

    int removeWire(Wire wire) {
        int index = current.wires().indexOf(wire);
        add(new RemoveWireEdit(wire, index));
        return index;
    }

    CompositeEdit build(String description) {
        return new CompositeEdit(description, edits);
    }
}
