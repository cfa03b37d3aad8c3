package org.layerloom.engine.compile;

import ai.djl.nn.Block;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.graph.Wire;

/**
 * Turns a valid network graph into a DJL block ({@link GraphBlock}), a pure function: the graph is
 * not changed and nothing is initialised (that needs the batch input shape and, for reproducible
 * weights, {@link EngineSeed}). The compiled network holds the nodes the Output depends on; a node
 * whose output goes nowhere (the validator warns about it) cannot change the prediction and is left
 * out. Immutable; any thread, though the block it returns belongs to one worker thread.
 */
public final class GraphCompiler {

    private final GraphValidator validator;

    public GraphCompiler(GraphValidator validator) {
        this.validator = validator;
    }

    /** A compiler that validates with the standard layer catalog. */
    public static GraphCompiler standard() {
        return new GraphCompiler(GraphValidator.standard());
    }

    /**
     * Validates and compiles {@code graph}.
     *
     * @throws IllegalArgumentException with the first error's message when the graph is not valid
     */
    public GraphBlock compile(NetworkGraph graph) {
        return compile(validator.validate(graph));
    }

    /**
     * Compiles the graph of a validation report (from the same catalog).
     *
     * @throws IllegalArgumentException with the first error's message when the report has errors
     */
    public GraphBlock compile(ValidationReport report) {
        if (!report.isValid()) {
            throw new IllegalArgumentException(report.errors().get(0).message());
        }
        NetworkGraph graph = report.graph();
        Node output = graph.nodesOfKind(LayerKind.OUTPUT).get(0);
        List<Node> order = executionOrder(graph, output);
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i).id(), i);
        }
        List<String> ids = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        int[][] sources = new int[order.size()][];
        for (int i = 0; i < order.size(); i++) {
            Node node = order.get(i);
            ids.add(node.id());
            blocks.add(LayerBlocks.create(node, report.node(node.id()).orElseThrow()));
            sources[i] = graph.wiresInto(node.id()).stream().mapToInt(w -> position.get(w.from().nodeId())).toArray();
        }
        return new GraphBlock(ids, blocks, sources, output.id(), LossSpec.of(graph));
    }

    /**
     * The nodes {@code output} depends on (and itself) in topological order; among nodes ready at the
     * same time, the one added to the graph first runs first, so the order (and the order in which
     * weights are drawn at initialisation) depends only on the graph.
     */
    static List<Node> executionOrder(NetworkGraph graph, Node output) {
        Set<String> needed = ancestorsAndSelf(graph, output.id());
        Map<String, Integer> missingInputs = new HashMap<>();
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < graph.nodes().size(); i++) {
            Node node = graph.nodes().get(i);
            if (needed.contains(node.id())) {
                int count = graph.wiresInto(node.id()).size();
                missingInputs.put(node.id(), count);
                if (count == 0) {
                    ready.add(i);
                }
            }
        }
        List<Node> order = new ArrayList<>(needed.size());
        while (!ready.isEmpty()) {
            Node node = graph.nodes().get(ready.poll());
            order.add(node);
            for (Wire wire : graph.wiresFrom(node.id())) {
                String next = wire.to().nodeId();
                if (needed.contains(next) && missingInputs.merge(next, -1, Integer::sum) == 0) {
                    ready.add(graph.indexOfNode(next));
                }
            }
        }
        if (order.size() != needed.size()) {
            throw new IllegalArgumentException("the network has a loop");
        }
        return order;
    }

    private static Set<String> ancestorsAndSelf(NetworkGraph graph, String nodeId) {
        Set<String> seen = new HashSet<>(List.of(nodeId));
        Deque<String> todo = new ArrayDeque<>(List.of(nodeId));
        while (!todo.isEmpty()) {
            for (Wire wire : graph.wiresInto(todo.poll())) {
                if (seen.add(wire.from().nodeId())) {
                    todo.add(wire.from().nodeId());
                }
            }
        }
        return seen;
    }
}
