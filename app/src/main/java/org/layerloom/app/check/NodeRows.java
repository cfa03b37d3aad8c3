package org.layerloom.app.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.graph.Wire;

/**
 * Lists the nodes of a validated network in the order data flows through them (topological order;
 * among nodes that are ready together, the one added first), so a table reads from Input to Output.
 * Nodes caught in a loop come last, in the order they were added. Stateless; any thread.
 */
public final class NodeRows {

    private NodeRows() {
    }

    public static List<NodeRow> of(ValidationReport report) {
        NetworkGraph graph = report.graph();
        List<NodeRow> rows = new ArrayList<>(graph.nodes().size());
        for (int index : flowOrder(graph)) {
            Node node = graph.nodes().get(index);
            Optional<NodeReport> nodeReport = report.node(node.id());
            rows.add(new NodeRow(rows.size() + 1, node.id(), node.name(), node.kind(),
                    nodeReport.flatMap(NodeReport::output), nodeReport.map(NodeReport::parameters).orElse(0L)));
        }
        return rows;
    }

    /** Kahn's algorithm by node index, then whatever a loop kept out, by index. */
    private static List<Integer> flowOrder(NetworkGraph graph) {
        int n = graph.nodes().size();
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            indexOf.put(graph.nodes().get(i).id(), i);
        }
        int[] inDegree = new int[n];
        List<List<Integer>> next = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            next.add(new ArrayList<>());
        }
        for (Wire wire : graph.wires()) {
            int from = indexOf.get(wire.from().nodeId());
            int to = indexOf.get(wire.to().nodeId());
            next.get(from).add(to);
            inDegree[to]++;
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (inDegree[i] == 0) {
                ready.add(i);
            }
        }
        List<Integer> order = new ArrayList<>(n);
        boolean[] placed = new boolean[n];
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(i);
            placed[i] = true;
            for (int j : next.get(i)) {
                if (--inDegree[j] == 0) {
                    ready.add(j);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!placed[i]) {
                order.add(i);
            }
        }
        return order;
    }
}
