package org.layerloom.engine.assignment;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;
import org.layerloom.engine.graph.ValidationReport;

/**
 * What structural goals look at in a network: its trainable parameters (when every layer's count is
 * known), how many layers of each kind it has, and its widest Dense layer. Immutable; any thread.
 *
 * @param parameters the network's parameters, empty while a layer's count is unknown (a network with errors)
 * @param widestDense the Dense layer with the most units, empty when there is none
 */
public record NetworkFacts(Optional<Long> parameters, Map<LayerKind, Integer> kinds, Optional<Node> widestDense) {

    public NetworkFacts {
        kinds = Map.copyOf(kinds);
    }

    /** The facts of {@code graph}, validated with the standard catalog. */
    public static NetworkFacts of(NetworkGraph graph) {
        return of(GraphValidator.standard().validate(graph));
    }

    /** The facts of a validated network. */
    public static NetworkFacts of(ValidationReport report) {
        Map<LayerKind, Integer> kinds = new EnumMap<>(LayerKind.class);
        Node widest = null;
        for (Node node : report.graph().nodes()) {
            kinds.merge(node.kind(), 1, Integer::sum);
            if (node.kind() == LayerKind.DENSE && node.params().has(UNITS)
                    && (widest == null || node.params().intValue(UNITS) > widest.params().intValue(UNITS))) {
                widest = node;
            }
        }
        long total = 0;
        boolean known = true;
        for (Node node : report.graph().nodes()) {
            Optional<NodeReport> counted = report.node(node.id());
            if (counted.isEmpty() || !counted.get().resolved()) {
                known = false;
                break;
            }
            total += counted.get().parameters();
        }
        return new NetworkFacts(known ? Optional.of(total) : Optional.empty(), kinds, Optional.ofNullable(widest));
    }

    /** The number of layers of {@code kind}. */
    public int count(LayerKind kind) {
        return kinds.getOrDefault(kind, 0);
    }

    /** The units of {@link #widestDense()}, or 0 without a Dense layer. */
    public int widestDenseUnits() {
        return widestDense.map(n -> n.params().intValue(UNITS)).orElse(0);
    }

    private static final String UNITS = "units";
}
