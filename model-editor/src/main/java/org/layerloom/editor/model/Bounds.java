package org.layerloom.editor.model;

import java.util.Collection;
import org.layerloom.engine.graph.Node;

/** An axis-aligned rectangle in canvas units. Immutable; any thread. */
public record Bounds(double minX, double minY, double maxX, double maxY) {

    public static final Bounds EMPTY = new Bounds(0, 0, 0, 0);

    public double width() {
        return maxX - minX;
    }

    public double height() {
        return maxY - minY;
    }

    public Bounds padded(double margin) {
        return new Bounds(minX - margin, minY - margin, maxX + margin, maxY + margin);
    }

    public boolean intersects(Bounds o) {
        return minX <= o.maxX && maxX >= o.minX && minY <= o.maxY && maxY >= o.minY;
    }

    /** The box around all nodes, or {@link #EMPTY} for none. */
    public static Bounds of(Collection<Node> nodes) {
        if (nodes.isEmpty()) {
            return EMPTY;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Node node : nodes) {
            minX = Math.min(minX, node.position().x());
            minY = Math.min(minY, node.position().y());
            maxX = Math.max(maxX, node.position().x() + NodeGeometry.WIDTH);
            maxY = Math.max(maxY, node.position().y() + NodeGeometry.HEIGHT);
        }
        return new Bounds(minX, minY, maxX, maxY);
    }

    public static Bounds ofNode(Node node) {
        return new Bounds(node.position().x(), node.position().y(), node.position().x() + NodeGeometry.WIDTH,
                node.position().y() + NodeGeometry.HEIGHT);
    }
}
