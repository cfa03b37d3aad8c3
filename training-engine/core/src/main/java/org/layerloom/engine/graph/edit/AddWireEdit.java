package org.layerloom.engine.graph.edit;

import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Wire;

/** Adds a wire at a place in the wire list (which orders the inputs of merge nodes). */
public record AddWireEdit(Wire wire, int index) implements GraphEdit {

    @Override
    public NetworkGraph applyTo(NetworkGraph graph) {
        if (graph.wires().contains(wire)) {
            throw new IllegalStateException("wire " + wire + " exists already");
        }
        if (!graph.contains(wire.from().nodeId()) || !graph.contains(wire.to().nodeId())) {
            throw new IllegalStateException("wire " + wire + " names a node that does not exist");
        }
        return graph.withWire(Math.min(index, graph.wires().size()), wire);
    }

    @Override
    public GraphEdit inverted() {
        return new RemoveWireEdit(wire, index);
    }

    @Override
    public String description() {
        return "Connect " + wire.from().nodeId() + " to " + wire.to().nodeId();
    }
}
