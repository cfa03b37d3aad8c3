package org.layerloom.engine.imports.code;

import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Wire;

/** Test helper: reads an imported graph as text that ignores ids, names and positions. */
final class ImportedChain {

    private ImportedChain() {
    }

    /** Each node as {@code Kind{param=value,...}} in topological order, wires as index pairs. */
    static String describe(NetworkGraph graph) {
        List<String> parts = new ArrayList<>();
        for (Node node : graph.nodes()) {
            StringBuilder text = new StringBuilder(node.kind().id());
            text.append(node.params().values().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().display()).toList());
            parts.add(text.toString());
        }
        List<String> wires = new ArrayList<>();
        for (Wire wire : graph.wires()) {
            wires.add(graph.indexOfNode(wire.from().nodeId()) + ">" + graph.indexOfNode(wire.to().nodeId()));
        }
        wires.sort(null);
        return String.join(" | ", parts) + " || " + String.join(" ", wires);
    }

    /** The kinds of the nodes in order: {@code Input Dense ReLU Output}. */
    static String kinds(NetworkGraph graph) {
        return String.join(" ", graph.nodes().stream().map(n -> n.kind().id()).toList());
    }
}
