package org.layerloom.engine.imports.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.export.NpyArray;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.graph.Wire;

/**
 * The LayerLoom graph an import builds, layer by layer: nodes with the catalog's default parameters
 * overridden by what ONNX holds, wires in the order of the ONNX inputs, the weights as
 * {@code <nodeId>.<torch name>} arrays, and which LayerLoom node makes each ONNX value (so later layers
 * can be wired, and their input shapes read from the partial graph's validation). Nodes are placed left
 * to right in the order they are added. Made per import; one thread.
 */
final class GraphAssembly {

    private static final double STEP_X = 180;
    private static final double ROW_Y = 200;

    private final LayerCatalog catalog = LayerCatalog.standard();
    private final List<Node> nodes = new ArrayList<>();
    private final List<Wire> wires = new ArrayList<>();
    private final List<NpyArray> weights = new ArrayList<>();
    private final Map<String, String> layerOf = new HashMap<>();
    private final Map<LayerKind, Integer> counters = new HashMap<>();
    private ValidationReport validated;

    /** A fresh node id for {@code kind}, as the app names new nodes: {@code dense1}, {@code conv2d2}… */
    String freshId(LayerKind kind) {
        String base = kind.id().toLowerCase(java.util.Locale.ROOT);
        String id;
        do {
            int n = counters.merge(kind, 1, Integer::sum);
            id = base + n;
        } while (contains(id));
        return id;
    }

    boolean contains(String id) {
        return nodes.stream().anyMatch(n -> n.id().equals(id));
    }

    /** The LayerLoom node that makes ONNX value {@code value}, if one does. */
    Optional<String> layerOf(String value) {
        return Optional.ofNullable(layerOf.get(value));
    }

    /** Another name for a value a layer already makes (an ONNX {@code Identity}). */
    void alias(String value, String existing) {
        layerOf.put(value, layerOf.get(existing));
    }

    /**
     * Adds the node {@code id} (shown as {@code name}) for {@code match}, its wires and weights; returns the parameters that were
     * set to their defaults because ONNX does not hold them (name → reason).
     */
    Map<String, String> add(String id, String name, LayerMatch match) {
        Parameters params = catalog.type(match.kind).defaultParameters();
        for (Map.Entry<String, ParamValue> p : match.params.entrySet()) {
            params = params.with(p.getKey(), p.getValue());
        }
        nodes.add(new Node(id, match.kind, name, params, new Position(STEP_X * nodes.size(), ROW_Y)));
        for (String input : match.inputs) {
            String from = layerOf.get(input);
            if (from == null) {
                throw new IllegalStateException("no layer makes " + input);
            }
            wires.add(Wire.between(from, id));
        }
        for (Map.Entry<String, Tensor> w : match.weights.entrySet()) {
            Tensor t = w.getValue();
            weights.add(NpyArray.floats(id + "." + w.getKey(), t.shape(), t.asFloats()));
        }
        layerOf.put(match.output, id);
        validated = null;
        Map<String, String> lost = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> l : match.lost.entrySet()) {
            String param = l.getKey();
            boolean chosen = match.params.containsKey(param);
            lost.put(param, l.getValue() + " It is set to " + params.get(param).display()
                    + (chosen ? "." : ", the catalog default."));
        }
        return lost;
    }

    /** The shape (without the batch axis) of ONNX value {@code value}, where an imported layer makes it. */
    Optional<TensorShape> shapeOf(String value) {
        String id = layerOf.get(value);
        if (id == null) {
            return Optional.empty();
        }
        if (validated == null) {
            validated = GraphValidator.standard().validate(graph());
        }
        return validated.outputOf(id);
    }

    NetworkGraph graph() {
        return new NetworkGraph(nodes, wires);
    }

    List<NpyArray> weights() {
        return List.copyOf(weights);
    }

    boolean isEmpty() {
        return nodes.isEmpty();
    }
}
