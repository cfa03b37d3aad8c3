package org.layerloom.engine.graph;

import java.util.Objects;

/**
 * One layer in the network: a stable id (used by wires, the compiler and activations), its kind, the
 * name a student gave it, its parameter values and its place on the canvas. Immutable; any thread.
 */
public record Node(String id, LayerKind kind, String name, Parameters params, Position position) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(position, "position");
    }

    public Node withParams(Parameters newParams) {
        return new Node(id, kind, name, newParams, position);
    }

    public Node withParam(String paramName, ParamValue value) {
        return withParams(params.with(paramName, value));
    }

    public Node withName(String newName) {
        return new Node(id, kind, newName, params, position);
    }

    public Node withPosition(Position newPosition) {
        return new Node(id, kind, name, params, newPosition);
    }
}
