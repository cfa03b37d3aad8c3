package org.layerloom.editor.model;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Wire;

/**
 * The selected nodes (by id, in the order they were selected) and wires of the editor. Plain Java;
 * listeners hear every change. Not thread-safe: the thread that owns the document.
 */
public final class Selection {

    private final Set<String> nodes = new LinkedHashSet<>();
    private final Set<Wire> wires = new LinkedHashSet<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public Set<String> nodes() {
        return Set.copyOf(nodes);
    }

    /** The selected node ids in selection order. */
    public List<String> orderedNodes() {
        return List.copyOf(nodes);
    }

    public Set<Wire> wires() {
        return Set.copyOf(wires);
    }

    public boolean isEmpty() {
        return nodes.isEmpty() && wires.isEmpty();
    }

    public boolean contains(String nodeId) {
        return nodes.contains(nodeId);
    }

    public boolean contains(Wire wire) {
        return wires.contains(wire);
    }

    /** Selects exactly these nodes and wires. */
    public void set(Collection<String> nodeIds, Collection<Wire> wireSet) {
        if (nodes.equals(new LinkedHashSet<>(nodeIds)) && wires.equals(new LinkedHashSet<>(wireSet))) {
            return;
        }
        nodes.clear();
        nodes.addAll(nodeIds);
        wires.clear();
        wires.addAll(wireSet);
        fire();
    }

    public void selectOnly(String nodeId) {
        set(List.of(nodeId), List.of());
    }

    public void selectOnly(Wire wire) {
        set(List.of(), List.of(wire));
    }

    /** Adds the node if it is not selected, removes it if it is (shift-click). */
    public void toggle(String nodeId) {
        if (!nodes.remove(nodeId)) {
            nodes.add(nodeId);
        }
        fire();
    }

    public void toggle(Wire wire) {
        if (!wires.remove(wire)) {
            wires.add(wire);
        }
        fire();
    }

    public void clear() {
        set(List.of(), List.of());
    }

    /** Drops what no longer exists in {@code graph} (after undo or delete). */
    public void retainExisting(NetworkGraph graph) {
        boolean changed = nodes.removeIf(id -> !graph.contains(id));
        changed |= wires.removeIf(w -> !graph.wires().contains(w));
        if (changed) {
            fire();
        }
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    private void fire() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
