package org.layerloom.engine.graph;

/**
 * An input port of a layer kind. Most take exactly one wire; merge layers take several, in wire order.
 * Immutable; any thread.
 */
public record PortSpec(String name, String label, boolean acceptsMany) {

    /** The usual single input port named {@code in}. */
    public static PortSpec single() {
        return new PortSpec(PortRef.IN, "input", false);
    }

    /** An input port for merge layers: any number of wires, at least two. */
    public static PortSpec many() {
        return new PortSpec(PortRef.IN, "inputs", true);
    }
}
