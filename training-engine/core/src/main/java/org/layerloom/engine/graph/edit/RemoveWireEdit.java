package org.layerloom.engine.graph.edit;

import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Wire;

/** Removes a wire; its inverse puts it back at the same place in the wire list. */
public record RemoveWireEdit(Wire wire, int index) implements GraphEdit {

    @Override
    public NetworkGraph applyTo(NetworkGraph graph) {
        if (!graph.wires().contains(wire)) {
            throw new IllegalStateException("no wire " + wire + " to remove");
        }
        return graph.withoutWire(wire);
    }

    @Override
    public GraphEdit inverted() {
        return new AddWireEdit(wire, index);
    }

    @Override
    public String description() {
        return "Disconnect " + wire.from().nodeId() + " from " + wire.to().nodeId();
    }
}
