package org.layerloom.engine.compile;

import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.layerloom.engine.graph.GraphTopology;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ValidationReport;

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
        List<Node> order = executionOrder(report.topology(), output);
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i).id(), i);
        }
        List<String> ids = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        List<KernelRoute> routes = new ArrayList<>();
        int[][] sources = new int[order.size()][];
        for (int i = 0; i < order.size(); i++) {
            Node node = order.get(i);
            ids.add(node.id());
            blocks.add(LayerBlocks.create(node, report.node(node.id()).orElseThrow()));
            routes.add(KernelRoute.of(node.kind()));
            sources[i] = graph.wiresInto(node.id()).stream().mapToInt(w -> position.get(w.from().nodeId())).toArray();
        }
        String offOneDnn = order.stream().map(OneDnnBatchLayers::excludes).flatMap(Optional::stream).findFirst()
                .orElse(null);
        return new GraphBlock(ids, blocks, routes, sources, output.id(), LossSpec.of(graph), offOneDnn);
    }

    /**
     * The nodes {@code output} depends on (and itself) in the topology's order: among nodes ready at the
     * same time, the one added to the graph first runs first, so the order (and the order in which
     * weights are drawn at initialisation) depends only on the graph. The nodes feeding the output are
     * closed under "feeds", so this is the order Kahn's algorithm gives on them alone.
     */
    static List<Node> executionOrder(GraphTopology topology, Node output) {
        Set<String> needed = topology.upstreamOf(output.id());
        Map<String, Node> byId = new HashMap<>();
        for (Node node : topology.graph().nodes()) {
            byId.put(node.id(), node);
        }
        List<Node> order = topology.order().stream().filter(needed::contains).map(byId::get).toList();
        if (order.size() != needed.size()) {
            throw new IllegalArgumentException("the network has a loop");
        }
        return order;
    }
}
