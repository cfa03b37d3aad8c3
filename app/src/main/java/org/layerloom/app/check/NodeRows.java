package org.layerloom.app.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.GraphTopology;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;
import org.layerloom.engine.graph.ValidationReport;

/**
 * Lists the nodes of a validated network in the order data flows through them (topological order;
 * among nodes that are ready together, the one added first), so a table reads from Input to Output.
 * Nodes caught in a loop come last, in the order they were added ({@link GraphTopology#flowOrder()}).
 * Stateless; any thread.
 */
public final class NodeRows {

    private NodeRows() {
    }

    public static List<NodeRow> of(ValidationReport report) {
        NetworkGraph graph = report.graph();
        List<NodeRow> rows = new ArrayList<>(graph.nodes().size());
        for (String id : topology(report).flowOrder()) {
            Node node = graph.requireNode(id);
            Optional<NodeReport> nodeReport = report.node(node.id());
            rows.add(new NodeRow(rows.size() + 1, node.id(), node.name(), node.kind(),
                    nodeReport.flatMap(NodeReport::output), nodeReport.map(NodeReport::parameters).orElse(0L)));
        }
        return rows;
    }

    /**
     * The report's topology follows the wires whose ports exist; the table has always followed every
     * wire, so where the validator dropped a wire (an error it reports) the graph's own topology is used.
     */
    private static GraphTopology topology(ValidationReport report) {
        GraphTopology topology = report.topology();
        return topology.wires().size() == report.graph().wires().size() ? topology : GraphTopology.of(report.graph());
    }
}
