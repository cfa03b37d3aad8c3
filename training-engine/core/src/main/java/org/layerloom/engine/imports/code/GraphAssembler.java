package org.layerloom.engine.imports.code;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * Builds the imported network node by node, named and numbered as the editor names new layers, refusing
 * parameter values the layer catalog does not allow. One per import; not thread-safe.
 */
final class GraphAssembler {

    private NetworkGraph graph = NetworkGraph.empty();
    private final Map<String, SourcePos> logSoftmax = new java.util.HashMap<>();

    NetworkGraph graph() {
        return graph;
    }

    String input(List<Integer> shape, boolean tokenIds, SourcePos pos) {
        LayerStep step = LayerStep.of(LayerKind.INPUT, pos, "Input")
                .with("shape", new ParamValue.Dims(shape))
                .with("values", new ParamValue.Choice(tokenIds ? "token_ids" : "real"));
        return add(step);
    }

    /** Appends {@code steps} one after another behind {@code from}; the id of the last (or {@code from}). */
    String chain(String from, List<LayerStep> steps) {
        String last = from;
        for (LayerStep step : steps) {
            String id = add(step);
            graph = graph.withWire(graph.wires().size(), Wire.between(last, id));
            last = id;
        }
        return last;
    }

    /** A node joining {@code sources} in order, such as Add or Concatenate. */
    String merge(LayerStep step, List<String> sources) {
        String id = add(step);
        for (String source : sources) {
            Wire wire = Wire.between(source, id);
            if (graph.wires().contains(wire)) {
                throw new ImportFailure(step.pos(), step.frameworkName() + " receives the same branch twice.",
                        "Join two different branches.");
            }
            graph = graph.withWire(graph.wires().size(), wire);
        }
        return id;
    }

    /** Removes a node with one wire in and one out, joining its neighbours. */
    void bypass(String nodeId) {
        Wire in = graph.wiresInto(nodeId).get(0);
        List<Wire> outs = graph.wiresFrom(nodeId);
        graph = graph.withoutWire(in);
        for (Wire out : outs) {
            graph = graph.withoutWire(out);
            graph = graph.withWire(graph.wires().size(), new Wire(in.from(), out.to()));
        }
        graph = graph.withoutNode(nodeId);
    }

    void setParam(String nodeId, String name, ParamValue value) {
        graph = graph.withReplacedNode(graph.requireNode(nodeId).withParam(name, value));
    }

    /** Keeps only {@code outputId} and the nodes it depends on. */
    void keepAncestorsOf(String outputId) {
        Set<String> keep = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(outputId));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (keep.add(id)) {
                graph.wiresInto(id).forEach(w -> todo.push(w.from().nodeId()));
            }
        }
        List<Node> nodes = graph.nodes().stream().filter(n -> keep.contains(n.id())).toList();
        List<Wire> wires = graph.wires().stream().filter(w -> keep.contains(w.to().nodeId())).toList();
        graph = new NetworkGraph(nodes, wires);
    }

    private String add(LayerStep step) {
        LayerType type = LayerCatalog.standard().type(step.kind());
        for (Map.Entry<String, ParamValue> entry : step.params().values().entrySet()) {
            Optional<ParamSpec> spec = type.parameter(entry.getKey());
            Optional<String> reason = spec.flatMap(s -> s.reasonToReject(entry.getValue()));
            if (reason.isPresent()) {
                throw new ImportFailure(step.pos(), step.frameworkName() + ": " + reason.get() + ".",
                        "Change the value in the code.");
            }
        }
        Node node = GraphEdits.newNode(graph, step.kind(), Position.ORIGIN, step.params());
        graph = graph.withNode(graph.nodes().size(), node);
        if (step.frameworkName().equals("LogSoftmax")) {
            logSoftmax.put(node.id(), step.pos());
        }
        return node.id();
    }

    /** The nodes that came from PyTorch's LogSoftmax, which only an NLLLoss can follow, and where they were written. */
    Map<String, SourcePos> logSoftmaxNodes() {
        return logSoftmax;
    }

    /** Removes a last node and the wire into it. */
    void remove(String nodeId) {
        for (Wire wire : graph.wiresTouching(nodeId)) {
            graph = graph.withoutWire(wire);
        }
        graph = graph.withoutNode(nodeId);
        logSoftmax.remove(nodeId);
    }
}
