package org.layerloom.editor.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.PortRef;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.graph.edit.AddNodeEdit;
import org.layerloom.engine.graph.edit.AddWireEdit;
import org.layerloom.engine.graph.edit.CompositeEdit;
import org.layerloom.engine.graph.edit.GraphEdit;

/**
 * Some nodes of a graph and the wires between them, as copied to the clipboard. Pasting makes copies
 * with fresh ids so a fragment can be pasted many times. Immutable; any thread.
 */
public record GraphFragment(List<Node> nodes, List<Wire> wires) {

    public GraphFragment {
        nodes = List.copyOf(nodes);
        wires = List.copyOf(wires);
    }

    /** The given nodes of {@code graph} and the wires that join two of them. */
    public static GraphFragment of(NetworkGraph graph, Collection<String> nodeIds) {
        Set<String> ids = new HashSet<>(nodeIds);
        List<Node> nodes = graph.nodes().stream().filter(n -> ids.contains(n.id())).toList();
        List<Wire> wires = graph.wires().stream()
                .filter(w -> ids.contains(w.from().nodeId()) && ids.contains(w.to().nodeId())).toList();
        return new GraphFragment(nodes, wires);
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** The result of {@link #pasteInto}: the edit and the ids of the new nodes. */
    public record Pasted(GraphEdit edit, List<String> nodeIds) {
    }

    /**
     * An edit adding a copy of this fragment to {@code graph}, moved by (dx, dy), with fresh ids and
     * the original names where they are free.
     */
    public Pasted pasteInto(NetworkGraph graph, double dx, double dy, String description) {
        Set<String> usedIds = new HashSet<>();
        Set<String> usedNames = new HashSet<>();
        for (Node node : graph.nodes()) {
            usedIds.add(node.id());
            usedNames.add(node.name());
        }
        Map<String, String> newIds = new HashMap<>();
        List<GraphEdit> edits = new ArrayList<>();
        List<String> created = new ArrayList<>();
        int index = graph.nodes().size();
        for (Node node : nodes) {
            String id = fresh(node.kind().id().toLowerCase(Locale.ROOT), usedIds, "");
            String name = usedNames.contains(node.name()) ? fresh(node.name() + " copy", usedNames, " ") : node.name();
            usedIds.add(id);
            usedNames.add(name);
            newIds.put(node.id(), id);
            created.add(id);
            edits.add(new AddNodeEdit(new Node(id, node.kind(), name, node.params(),
                    node.position().translated(dx, dy)), index++));
        }
        int wireIndex = graph.wires().size();
        for (Wire wire : wires) {
            edits.add(new AddWireEdit(new Wire(new PortRef(newIds.get(wire.from().nodeId()), wire.from().port()),
                    new PortRef(newIds.get(wire.to().nodeId()), wire.to().port())), wireIndex++));
        }
        return new Pasted(new CompositeEdit(description, edits), created);
    }

    private static String fresh(String base, Set<String> used, String separator) {
        if (separator.isEmpty()) {
            int n = 1;
            while (used.contains(base + n)) {
                n++;
            }
            return base + n;
        }
        if (!used.contains(base)) {
            return base;
        }
        int n = 2;
        while (used.contains(base + separator + n)) {
            n++;
        }
        return base + separator + n;
    }
}
