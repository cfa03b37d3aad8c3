package org.layerloom.engine.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One version of a network: its nodes and wires, in the order they were added (the order of the
 * wires into a merge node is the order of its inputs). A value: every change makes a new graph, so
 * versions can be compared, kept for undo and validated on any thread.
 *
 * <p>The graph holds only structural invariants: ids are unique and every wire joins two existing
 * nodes, once. Everything else (cycles, shapes, missing inputs) is reported by {@link GraphValidator}.
 */
public record NetworkGraph(List<Node> nodes, List<Wire> wires) {

    private static final NetworkGraph EMPTY = new NetworkGraph(List.of(), List.of());

    public NetworkGraph {
        nodes = List.copyOf(nodes);
        wires = List.copyOf(wires);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Node node : nodes) {
            if (!ids.add(node.id())) {
                throw new IllegalArgumentException("two nodes have the id '" + node.id() + "'");
            }
        }
        java.util.Set<Wire> seen = new java.util.HashSet<>();
        for (Wire wire : wires) {
            if (!ids.contains(wire.from().nodeId()) || !ids.contains(wire.to().nodeId())) {
                throw new IllegalArgumentException("wire " + wire + " names a node that does not exist");
            }
            if (!seen.add(wire)) {
                throw new IllegalArgumentException("wire " + wire + " appears twice");
            }
        }
    }

    public static NetworkGraph empty() {
        return EMPTY;
    }

    public Optional<Node> node(String id) {
        for (Node node : nodes) {
            if (node.id().equals(id)) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    public Node requireNode(String id) {
        return node(id).orElseThrow(() -> new IllegalArgumentException("no node '" + id + "'"));
    }

    public boolean contains(String nodeId) {
        return node(nodeId).isPresent();
    }

    public int indexOfNode(String id) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public List<Wire> wiresInto(String nodeId) {
        return wires.stream().filter(w -> w.to().nodeId().equals(nodeId)).toList();
    }

    public List<Wire> wiresFrom(String nodeId) {
        return wires.stream().filter(w -> w.from().nodeId().equals(nodeId)).toList();
    }

    public List<Wire> wiresTouching(String nodeId) {
        return wires.stream().filter(w -> w.touches(nodeId)).toList();
    }

    public List<Node> nodesOfKind(LayerKind kind) {
        return nodes.stream().filter(n -> n.kind() == kind).toList();
    }

    public NetworkGraph withNode(int index, Node node) {
        List<Node> copy = new ArrayList<>(nodes);
        copy.add(index, node);
        return new NetworkGraph(copy, wires);
    }

    public NetworkGraph withoutNode(String id) {
        if (!wiresTouching(id).isEmpty()) {
            throw new IllegalStateException("node '" + id + "' still has wires; remove them first");
        }
        return new NetworkGraph(nodes.stream().filter(n -> !n.id().equals(id)).toList(), wires);
    }

    /** A copy with the node of the same id replaced by {@code node}. */
    public NetworkGraph withReplacedNode(Node node) {
        int index = indexOfNode(node.id());
        if (index < 0) {
            throw new IllegalArgumentException("no node '" + node.id() + "'");
        }
        List<Node> copy = new ArrayList<>(nodes);
        copy.set(index, node);
        return new NetworkGraph(copy, wires);
    }

    public NetworkGraph withWire(int index, Wire wire) {
        List<Wire> copy = new ArrayList<>(wires);
        copy.add(index, wire);
        return new NetworkGraph(nodes, copy);
    }

    public NetworkGraph withoutWire(Wire wire) {
        if (!wires.contains(wire)) {
            throw new IllegalArgumentException("no wire " + wire);
        }
        List<Wire> copy = new ArrayList<>(wires);
        copy.remove(wire);
        return new NetworkGraph(nodes, copy);
    }
}
