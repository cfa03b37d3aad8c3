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

    /**
     * A chain's layers in flow order, each Dense's or convolution's own activation written as a layer of its own
     * after it (as PyTorch code has it), with the catalog's defaults for that layer.
     */
    static List<String> withActivationLayers(NetworkGraph graph) {
        List<String> layers = new ArrayList<>();
        for (String id : org.layerloom.engine.graph.GraphTopology.of(graph).flowOrder()) {
            Node node = graph.requireNode(id);
            String activation = node.params().has("activation") ? node.params().choice("activation") : "none";
            Node plain = activation.equals("none") ? node
                    : node.withParam("activation", new org.layerloom.engine.graph.ParamValue.Choice("none"));
            layers.add(plain.kind().id() + plain.params().values().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().display()).toList());
            if (!activation.equals("none")) {
                org.layerloom.engine.graph.LayerKind kind = switch (activation) {
                    case "relu" -> org.layerloom.engine.graph.LayerKind.RELU;
                    case "leaky_relu" -> org.layerloom.engine.graph.LayerKind.LEAKY_RELU;
                    case "elu" -> org.layerloom.engine.graph.LayerKind.ELU;
                    case "gelu" -> org.layerloom.engine.graph.LayerKind.GELU;
                    case "sigmoid" -> org.layerloom.engine.graph.LayerKind.SIGMOID;
                    default -> org.layerloom.engine.graph.LayerKind.TANH;
                };
                layers.add(kind.id() + org.layerloom.engine.graph.LayerCatalog.standard().type(kind)
                        .defaultParameters().values().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().display()).toList());
            }
        }
        return layers;
    }
}
