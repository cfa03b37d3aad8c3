package org.layerloom.engine.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;

/**
 * Which way data flows through one version of a network: the order in which its nodes can run, the
 * nodes a loop keeps out of that order, the loops themselves, and what lies upstream or downstream of
 * a node. It follows a given list of the graph's wires: all of them ({@link #of(NetworkGraph)}), or,
 * in a {@link ValidationReport}, the wires whose ports exist. Every wire counts, so two wires between
 * the same nodes are two inputs.
 *
 * <p>The one place where LayerLoom sorts a graph topologically (Kahn's algorithm). Computed once on
 * construction, except reachability, which is a walk per question. Immutable; any thread.
 */
public final class GraphTopology {

    private final NetworkGraph graph;
    private final List<Wire> wires;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<List<Integer>> targets;
    private final List<List<Integer>> sources;
    private final List<String> order;
    private final List<String> arrivalOrder;
    private final List<String> leftOut;
    private final List<List<String>> loops;

    private GraphTopology(NetworkGraph graph, List<Wire> wires) {
        this.graph = graph;
        this.wires = List.copyOf(wires);
        int n = graph.nodes().size();
        for (int i = 0; i < n; i++) {
            index.put(graph.nodes().get(i).id(), i);
        }
        targets = new ArrayList<>(n);
        sources = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            targets.add(new ArrayList<>());
            sources.add(new ArrayList<>());
        }
        for (Wire wire : this.wires) {
            int from = indexOf(wire.from().nodeId());
            int to = indexOf(wire.to().nodeId());
            targets.get(from).add(to);
            sources.get(to).add(from);
        }
        order = kahn(new PriorityQueue<>());
        arrivalOrder = kahn(new ArrayDeque<>());
        Set<String> ordered = Set.copyOf(order);
        List<String> rest = new ArrayList<>();
        for (Node node : graph.nodes()) {
            if (!ordered.contains(node.id())) {
                rest.add(node.id());
            }
        }
        leftOut = List.copyOf(rest);
        loops = findLoops();
    }

    /** The topology of {@code graph} following all its wires. */
    public static GraphTopology of(NetworkGraph graph) {
        return new GraphTopology(graph, graph.wires());
    }

    /**
     * The topology of {@code graph} following only {@code wires}, which must be wires of the graph (the
     * validator leaves out wires whose ports do not exist).
     */
    public static GraphTopology of(NetworkGraph graph, List<Wire> wires) {
        for (Wire wire : wires) {
            if (!graph.contains(wire.from().nodeId()) || !graph.contains(wire.to().nodeId())) {
                throw new IllegalArgumentException("wire " + wire + " is not in the graph");
            }
        }
        return new GraphTopology(graph, wires);
    }

    public NetworkGraph graph() {
        return graph;
    }

    /** The wires this topology follows, in graph order. */
    public List<Wire> wires() {
        return wires;
    }

    /**
     * The nodes in the order data flows through them: every node after all the nodes that feed it;
     * among nodes ready at the same time, the one added to the graph first. Nodes on a loop, or after
     * one, are left out (see {@link #leftOut()}).
     */
    public List<String> order() {
        return order;
    }

    /**
     * The same nodes as {@link #order()}, with ties broken first-ready-first: the nodes fed by nothing
     * in graph order, then each node as its last input is placed, in wire order. The validator works
     * in this order, so the order of its problems stays what it has always been.
     */
    public List<String> arrivalOrder() {
        return arrivalOrder;
    }

    /** {@link #order()}, then the nodes it left out in graph order: every node once. */
    public List<String> flowOrder() {
        List<String> all = new ArrayList<>(order);
        all.addAll(leftOut);
        return Collections.unmodifiableList(all);
    }

    /** The nodes that lie on a loop or after one, which no order can place, in graph order. */
    public List<String> leftOut() {
        return leftOut;
    }

    /** True when the wires make no loop, so every node is in {@link #order()}. */
    public boolean isAcyclic() {
        return leftOut.isEmpty();
    }

    /**
     * The loops: the left-out nodes that lead back into a loop (not those merely after one), grouped by
     * the wires between them; each group in graph order, the groups by their first node.
     */
    public List<List<String>> loops() {
        return loops;
    }

    /** The node at the far end of every wire leaving {@code nodeId}, in wire order (repeats included). */
    public List<String> targetsOf(String nodeId) {
        return targets.get(indexOf(nodeId)).stream().map(this::idAt).toList();
    }

    /** The node at the near end of every wire arriving at {@code nodeId}, in wire order. */
    public List<String> sourcesOf(String nodeId) {
        return sources.get(indexOf(nodeId)).stream().map(this::idAt).toList();
    }

    /** {@code nodeId} and every node its output reaches. */
    public Set<String> downstreamOf(String nodeId) {
        return walk(nodeId, targets);
    }

    /** {@code nodeId} and every node that feeds it, directly or through others. */
    public Set<String> upstreamOf(String nodeId) {
        return walk(nodeId, sources);
    }

    private int indexOf(String nodeId) {
        Integer i = index.get(nodeId);
        if (i == null) {
            throw new IllegalArgumentException("no node '" + nodeId + "'");
        }
        return i;
    }

    private String idAt(int i) {
        return graph.nodes().get(i).id();
    }

    /** Kahn's algorithm; {@code ready} decides which of the ready nodes goes next. */
    private List<String> kahn(Queue<Integer> ready) {
        int n = graph.nodes().size();
        int[] missing = new int[n];
        for (int i = 0; i < n; i++) {
            missing[i] = sources.get(i).size();
            if (missing[i] == 0) {
                ready.add(i);
            }
        }
        List<String> result = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int i = ready.poll();
            result.add(idAt(i));
            for (int next : targets.get(i)) {
                if (--missing[next] == 0) {
                    ready.add(next);
                }
            }
        }
        return List.copyOf(result);
    }

    /** Peels off the left-out nodes that only lead out of loops, then groups what remains. */
    private List<List<String>> findLoops() {
        Set<Integer> rest = new LinkedHashSet<>();
        for (String id : leftOut) {
            rest.add(indexOf(id));
        }
        boolean peeled = true;
        while (peeled) {
            peeled = false;
            for (var it = rest.iterator(); it.hasNext(); ) {
                int i = it.next();
                if (targets.get(i).stream().noneMatch(rest::contains)) {
                    it.remove();
                    peeled = true;
                }
            }
        }
        List<List<String>> groups = new ArrayList<>();
        Set<Integer> seen = new java.util.HashSet<>();
        for (int start : rest) {
            if (!seen.add(start)) {
                continue;
            }
            List<Integer> group = new ArrayList<>();
            ArrayDeque<Integer> todo = new ArrayDeque<>(List.of(start));
            while (!todo.isEmpty()) {
                int i = todo.poll();
                group.add(i);
                List<Integer> around = new ArrayList<>(targets.get(i));
                around.addAll(sources.get(i));
                for (int other : around) {
                    if (rest.contains(other) && seen.add(other)) {
                        todo.add(other);
                    }
                }
            }
            Collections.sort(group);
            groups.add(group.stream().map(this::idAt).toList());
        }
        return List.copyOf(groups);
    }

    private Set<String> walk(String start, List<List<Integer>> step) {
        int first = indexOf(start);
        boolean[] seen = new boolean[graph.nodes().size()];
        seen[first] = true;
        Set<String> found = new LinkedHashSet<>(List.of(start));
        ArrayDeque<Integer> todo = new ArrayDeque<>(List.of(first));
        while (!todo.isEmpty()) {
            for (int next : step.get(todo.poll())) {
                if (!seen[next]) {
                    seen[next] = true;
                    found.add(idAt(next));
                    todo.add(next);
                }
            }
        }
        return Collections.unmodifiableSet(found);
    }

    @Override
    public String toString() {
        return "GraphTopology" + flowOrder();
    }
}
