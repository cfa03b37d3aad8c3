package org.layerloom.engine.graph;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of validating one version of a network: its topology (over the wires whose ports exist),
 * a shape for every wire whose source resolved, a report per node, the total number of trainable
 * parameters and the problems. Immutable; any thread.
 */
public record ValidationReport(NetworkGraph graph, GraphTopology topology, Map<String, NodeReport> nodes,
                               Map<Wire, TensorShape> wireShapes, List<Problem> problems, long totalParameters) {

    public ValidationReport {
        nodes = Map.copyOf(nodes);
        wireShapes = Map.copyOf(wireShapes);
        problems = List.copyOf(problems);
    }

    /** True when no problem is an error, so the network can be compiled and trained. */
    public boolean isValid() {
        return problems.stream().noneMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    public List<Problem> problemsFor(String nodeId) {
        return problems.stream().filter(p -> p.concerns(nodeId)).toList();
    }

    public Optional<NodeReport> node(String nodeId) {
        return Optional.ofNullable(nodes.get(nodeId));
    }

    public Optional<TensorShape> outputOf(String nodeId) {
        NodeReport report = nodes.get(nodeId);
        return report == null ? Optional.empty() : report.output();
    }

    public Optional<TensorShape> shapeOf(Wire wire) {
        return Optional.ofNullable(wireShapes.get(wire));
    }
}
