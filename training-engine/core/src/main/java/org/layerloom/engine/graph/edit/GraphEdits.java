package org.layerloom.engine.graph.edit;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.layerloom.engine.graph.GraphTopology;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.PortRef;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.Wire;

/**
 * Makes the edits of every user action from the graph they will apply to, filling in what the action
 * itself does not say: fresh ids and names, default parameters, list indices, the wires a deleted
 * node takes with it. Stateless; any thread.
 */
public final class GraphEdits {

    /** The size of a layer's box on the canvas (the editor's NodeGeometry), for placing inserted layers. */
    public static final double NODE_WIDTH = 156;
    public static final double NODE_HEIGHT = 70;
    /** The free space kept between an inserted layer and its neighbours along the flow. */
    public static final double INSERT_GAP = 64;

    private GraphEdits() {
    }

    /** A new node of {@code kind} with default parameters, a fresh id ("dense2") and name ("Dense 2"). */
    public static Node newNode(NetworkGraph graph, LayerKind kind, Position position, Parameters overrides) {
        LayerType type = LayerCatalog.standard().type(kind);
        String base = kind.id().toLowerCase(Locale.ROOT);
        int n = 1;
        while (graph.contains(base + n) || nameTaken(graph, type.displayName() + " " + n)) {
            n++;
        }
        return new Node(base + n, kind, type.displayName() + " " + n,
                type.defaultParameters().withAll(overrides), position);
    }

    private static boolean nameTaken(NetworkGraph graph, String name) {
        return graph.nodes().stream().anyMatch(node -> node.name().equals(name));
    }

    public static AddNodeEdit addNode(NetworkGraph graph, LayerKind kind, Position position) {
        return new AddNodeEdit(newNode(graph, kind, position, Parameters.empty()), graph.nodes().size());
    }

    /** Adds a node exactly as given (for paste and for tests). */
    public static AddNodeEdit addNode(NetworkGraph graph, Node node) {
        return new AddNodeEdit(node, graph.nodes().size());
    }

    /** Deletes nodes together with every wire that touches them. */
    public static CompositeEdit removeNodes(NetworkGraph graph, Collection<String> nodeIds) {
        EditBuilder builder = new EditBuilder(graph);
        for (String id : nodeIds) {
            builder.removeNode(id);
        }
        String what = nodeIds.size() == 1 ? graph.requireNode(nodeIds.iterator().next()).name()
                : nodeIds.size() + " layers";
        return builder.build("Delete " + what);
    }

    public static AddWireEdit connect(NetworkGraph graph, PortRef from, PortRef to) {
        return new AddWireEdit(new Wire(from, to), graph.wires().size());
    }

    public static RemoveWireEdit disconnect(NetworkGraph graph, Wire wire) {
        int index = graph.wires().indexOf(wire);
        if (index < 0) {
            throw new IllegalArgumentException("no wire " + wire);
        }
        return new RemoveWireEdit(wire, index);
    }

    public static SetParameterEdit setParameter(NetworkGraph graph, String nodeId, String name, ParamValue value) {
        Node node = graph.requireNode(nodeId);
        return new SetParameterEdit(nodeId, name, node.params().get(name), value, node.name());
    }

    /** Like {@link #setParameter(NetworkGraph, String, String, ParamValue)} with its own menu text. */
    public static CompositeEdit setParameter(NetworkGraph graph, String nodeId, String name, ParamValue value,
                                             String description) {
        return new CompositeEdit(description, List.of(setParameter(graph, nodeId, name, value)));
    }

    public static MoveNodeEdit move(NetworkGraph graph, String nodeId, Position to) {
        return new MoveNodeEdit(nodeId, graph.requireNode(nodeId).position(), to);
    }

    public static RenameNodeEdit rename(NetworkGraph graph, String nodeId, String newName) {
        return new RenameNodeEdit(nodeId, graph.requireNode(nodeId).name(), newName);
    }

    /**
     * Puts a new layer in the middle of a wire: source -> new layer -> target, keeping the wire's place
     * among the target's inputs. The new layer gets room of its own along the flow (left to right, or top to
     * bottom, whichever way the wire mostly runs): halfway when the gap is wide enough, else right after the
     * source with the target and everything after it moved on by the space it needs.
     */
    public static CompositeEdit insertOnWire(NetworkGraph graph, Wire wire, LayerKind kind, Parameters overrides,
                                             String description) {
        Position from = graph.requireNode(wire.from().nodeId()).position();
        Position to = graph.requireNode(wire.to().nodeId()).position();
        double dx = to.x() - from.x();
        double dy = to.y() - from.y();
        boolean horizontal = Math.abs(dx) >= Math.abs(dy);
        double along = horizontal ? dx : dy;
        double step = (horizontal ? NODE_WIDTH : NODE_HEIGHT) + INSERT_GAP;
        Position where;
        double shift = 0;
        if (along >= 2 * step) {
            where = from.midpoint(to);
        } else if (along > 0 || (along == 0 && horizontal)) {
            where = horizontal ? from.translated(step, 0) : from.translated(0, step);
            shift = 2 * step - along;
        } else {
            // The wire runs backwards on the canvas: keep the layer off both boxes, below the middle.
            where = from.midpoint(to).translated(0, NODE_HEIGHT + INSERT_GAP / 2);
        }
        Node inserted = newNode(graph, kind, where, overrides);
        EditBuilder builder = new EditBuilder(graph);
        if (shift > 0) {
            Set<String> moved = new LinkedHashSet<>(GraphTopology.of(graph).downstreamOf(wire.to().nodeId()));
            moved.removeAll(GraphTopology.of(graph).upstreamOf(wire.from().nodeId()));
            for (String id : moved) {
                Position p = graph.requireNode(id).position();
                builder.add(move(graph, id, horizontal ? p.translated(shift, 0) : p.translated(0, shift)));
            }
        }
        builder.addNode(inserted);
        int index = builder.removeWire(wire);
        builder.addWire(new Wire(wire.from(), PortRef.in(inserted.id())), index);
        builder.addWire(new Wire(PortRef.out(inserted.id()), wire.to()), index + 1);
        return builder.build(description);
    }

    /**
     * Deletes a node and connects what fed its first input straight to everything it fed, keeping the
     * places of those wires.
     */
    public static CompositeEdit removeAndBridge(NetworkGraph graph, String nodeId, String description) {
        // A wire from the node into itself is simply dropped with the node.
        List<Wire> in = graph.wiresInto(nodeId).stream().filter(w -> !w.from().nodeId().equals(nodeId)).toList();
        List<Wire> out = graph.wiresFrom(nodeId).stream().filter(w -> !w.to().nodeId().equals(nodeId)).toList();
        EditBuilder builder = new EditBuilder(graph);
        for (Wire wire : in) {
            builder.removeWire(wire);
        }
        int[] outIndices = new int[out.size()];
        for (int i = 0; i < out.size(); i++) {
            outIndices[i] = builder.removeWire(out.get(i));
        }
        builder.removeNode(nodeId);
        if (!in.isEmpty()) {
            PortRef source = in.get(0).from();
            // Re-adding in reverse removal order puts every bridge exactly where its wire was.
            for (int i = out.size() - 1; i >= 0; i--) {
                builder.addWire(new Wire(source, out.get(i).to()), outIndices[i]);
            }
        }
        return builder.build(description);
    }

    /** Adds a node and wires {@code source}'s output into it, as one step. */
    public static CompositeEdit addConnected(NetworkGraph graph, LayerKind kind, Position position, String sourceId,
                                             String description) {
        Node node = newNode(graph, kind, position, Parameters.empty());
        EditBuilder builder = new EditBuilder(graph);
        builder.addNode(node);
        if (sourceId != null) {
            builder.addWire(new Wire(PortRef.out(sourceId), PortRef.in(node.id())));
        }
        return builder.build(description);
    }
}
