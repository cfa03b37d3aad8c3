package org.layerloom.editor.model;

import java.util.Optional;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.Wire;

/**
 * Which wire passes near a canvas point, for dropping a layer onto a wire. Follows the curve the canvas draws:
 * a cubic from the source's output port to the target's input port, bent horizontally by half the distance
 * (at least 40). Pure function of the graph; any thread.
 */
public final class WireHit {

    /** Samples taken along each curve. */
    private static final int SAMPLES = 48;

    private WireHit() {
    }

    /** The wire whose curve comes closest to (x, y), if it comes within {@code tolerance} canvas units. */
    public static Optional<Wire> near(NetworkGraph graph, double x, double y, double tolerance) {
        Wire best = null;
        double bestDistance = tolerance;
        for (Wire wire : graph.wires()) {
            Optional<Node> from = graph.node(wire.from().nodeId());
            Optional<Node> to = graph.node(wire.to().nodeId());
            if (from.isEmpty() || to.isEmpty()) {
                continue;
            }
            double d = distance(NodeGeometry.outputPort(from.get()), NodeGeometry.inputPort(to.get()), x, y);
            if (d <= bestDistance) {
                bestDistance = d;
                best = wire;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The distance from (x, y) to the drawn curve between two ports. */
    static double distance(Position start, Position end, double x, double y) {
        double bend = Math.max(40, Math.abs(end.x() - start.x()) / 2);
        double c1x = start.x() + bend;
        double c2x = end.x() - bend;
        double best = Double.MAX_VALUE;
        double px = start.x();
        double py = start.y();
        for (int i = 1; i <= SAMPLES; i++) {
            double t = i / (double) SAMPLES;
            double u = 1 - t;
            double qx = u * u * u * start.x() + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * end.x();
            double qy = u * u * u * start.y() + 3 * u * u * t * start.y() + 3 * u * t * t * end.y()
                    + t * t * t * end.y();
            best = Math.min(best, segmentDistance(px, py, qx, qy, x, y));
            px = qx;
            py = qy;
        }
        return best;
    }

    private static double segmentDistance(double ax, double ay, double bx, double by, double x, double y) {
        double dx = bx - ax;
        double dy = by - ay;
        double length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length));
        return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
    }
}
