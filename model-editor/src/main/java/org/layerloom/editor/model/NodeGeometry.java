package org.layerloom.editor.model;

import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Position;

/**
 * The size of a node on the canvas and where its ports are, shared by the canvas, the picture export
 * and the tidy layout: one input port in the middle of the left edge, one output port in the middle of
 * the right edge. Stateless; any thread.
 */
public final class NodeGeometry {

    public static final double WIDTH = org.layerloom.engine.graph.edit.GraphEdits.NODE_WIDTH;
    public static final double HEIGHT = org.layerloom.engine.graph.edit.GraphEdits.NODE_HEIGHT;
    public static final double PORT_RADIUS = 6;

    private NodeGeometry() {
    }

    public static Position inputPort(Position topLeft) {
        return new Position(topLeft.x(), topLeft.y() + HEIGHT / 2);
    }

    public static Position outputPort(Position topLeft) {
        return new Position(topLeft.x() + WIDTH, topLeft.y() + HEIGHT / 2);
    }

    public static Position inputPort(Node node) {
        return inputPort(node.position());
    }

    public static Position outputPort(Node node) {
        return outputPort(node.position());
    }

    /** Whether the point lies on the node's box. */
    public static boolean contains(Node node, double x, double y) {
        Position p = node.position();
        return x >= p.x() && x <= p.x() + WIDTH && y >= p.y() && y <= p.y() + HEIGHT;
    }
}
