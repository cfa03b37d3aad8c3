package org.layerloom.engine.graph;

/**
 * A connection from an output port to an input port; the tensor flows from {@code from} to
 * {@code to}. A wire is identified by its two ends. Immutable; any thread.
 */
public record Wire(PortRef from, PortRef to) {

    public static Wire between(String fromNode, String toNode) {
        return new Wire(PortRef.out(fromNode), PortRef.in(toNode));
    }

    public boolean touches(String nodeId) {
        return from.nodeId().equals(nodeId) || to.nodeId().equals(nodeId);
    }

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
