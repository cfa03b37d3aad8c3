package org.layerloom.engine.graph;

/** Where a node sits on the canvas, in canvas units (top-left corner). Immutable; any thread. */
public record Position(double x, double y) {

    public static final Position ORIGIN = new Position(0, 0);

    public Position translated(double dx, double dy) {
        return new Position(x + dx, y + dy);
    }

    /** The point halfway between this and {@code other}. */
    public Position midpoint(Position other) {
        return new Position((x + other.x) / 2, (y + other.y) / 2);
    }
}
