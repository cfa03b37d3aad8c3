package org.layerloom.engine.graph;

/**
 * One port of one node: a wire starts at an output port and ends at an input port.
 * Immutable; any thread.
 */
public record PortRef(String nodeId, String port) {

    /** The name of every layer's single output port. */
    public static final String OUT = "out";
    /** The name of the input port of every layer that has one input port. */
    public static final String IN = "in";

    public static PortRef out(String nodeId) {
        return new PortRef(nodeId, OUT);
    }

    public static PortRef in(String nodeId) {
        return new PortRef(nodeId, IN);
    }

    @Override
    public String toString() {
        return nodeId + "." + port;
    }
}
