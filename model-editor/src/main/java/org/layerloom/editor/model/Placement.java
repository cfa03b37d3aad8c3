package org.layerloom.editor.model;

import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Position;

/**
 * Where a new layer goes so that it covers no other: the wanted spot when it is free, else the nearest free
 * spot above or below it; and the spot right after a layer, for a layer added behind the selection. Pure
 * functions of the graph; any thread.
 */
public final class Placement {

    /** The space kept between boxes. */
    static final double GAP = 32;
    /** How many rows up and down are tried before giving up on a free spot. */
    private static final int TRIES = 40;

    private Placement() {
    }

    /** {@code wanted} if no layer box comes within {@link #GAP} of a box there, else the nearest row that is free. */
    public static Position freeSpot(NetworkGraph graph, Position wanted) {
        double row = NodeGeometry.HEIGHT + GAP;
        for (int i = 0; i <= TRIES; i++) {
            for (int sign : i == 0 ? new int[] {1} : new int[] {1, -1}) {
                Position candidate = wanted.translated(0, sign * i * row);
                if (isFree(graph, candidate)) {
                    return candidate;
                }
            }
        }
        return wanted;
    }

    /** A free spot one column after {@code source} (to its right), at its height when that is free. */
    public static Position after(NetworkGraph graph, Node source) {
        return freeSpot(graph, source.position().translated(NodeGeometry.WIDTH + 3 * GAP, 0));
    }

    /** Whether a box at {@code topLeft} keeps {@link #GAP} away from every layer's box. */
    public static boolean isFree(NetworkGraph graph, Position topLeft) {
        Bounds box = new Bounds(topLeft.x(), topLeft.y(), topLeft.x() + NodeGeometry.WIDTH,
                topLeft.y() + NodeGeometry.HEIGHT).padded(GAP / 2);
        for (Node node : graph.nodes()) {
            if (Bounds.ofNode(node).padded(GAP / 2).intersects(box)) {
                return false;
            }
        }
        return true;
    }
}
