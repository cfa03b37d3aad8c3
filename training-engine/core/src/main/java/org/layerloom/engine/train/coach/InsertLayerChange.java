package org.layerloom.engine.train.coach;

import java.util.Objects;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.graph.edit.GraphEdit;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * A suggested new layer of {@code kind} (with {@code parameters}) in front of node {@code beforeNodeId},
 * on the wire into its first input, e.g. a Dropout before the output Dense layer. The edit is made from
 * the graph as it is when the student clicks, so it stays correct after other changes; it is one undo
 * step. Immutable; any thread.
 */
public record InsertLayerChange(LayerKind kind, Parameters parameters, String beforeNodeId, String beforeNodeName)
        implements GraphChange {

    public InsertLayerChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(beforeNodeId, "beforeNodeId");
        Objects.requireNonNull(beforeNodeName, "beforeNodeName");
    }

    /** Whether {@code graph} still has the node and a wire into it. */
    @Override
    public boolean appliesTo(NetworkGraph graph) {
        return graph.contains(beforeNodeId) && !graph.wiresInto(beforeNodeId).isEmpty();
    }

    /**
     * The edit that inserts the layer into {@code graph}.
     *
     * @throws IllegalStateException when the node or its input wire is gone
     */
    @Override
    public GraphEdit edit(NetworkGraph graph) {
        if (!appliesTo(graph)) {
            throw new IllegalStateException("the network no longer has " + beforeNodeName + " with an input");
        }
        Wire into = graph.wiresInto(beforeNodeId).get(0);
        return GraphEdits.insertOnWire(graph, into, kind, parameters, label());
    }

    @Override
    public String label() {
        String detail = parameters.values().isEmpty() ? ""
                : " (" + String.join(", ", parameters.values().values().stream().map(v -> v.display()).toList()) + ")";
        return "Insert " + kind.id() + detail + " before " + beforeNodeName;
    }
}
