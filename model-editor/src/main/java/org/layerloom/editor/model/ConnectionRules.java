package org.layerloom.editor.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.layerloom.engine.graph.GraphTopology;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.PortRef;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.graph.Wire;

/**
 * Whether a wire may be drawn: a cheap check while the student drags (direction, port kinds, a free
 * input, no loop), and a full check on drop (shape inference on the graph with the wire) whose
 * problems are told but do not stop the wire. Stateless apart from the catalog; any thread.
 */
public final class ConnectionRules {

    private final LayerCatalog catalog;

    public ConnectionRules(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    /** Why the wire from {@code from} to {@code to} cannot be drawn, or empty when it can. */
    public Optional<String> cheapCheck(NetworkGraph graph, PortRef from, PortRef to) {
        Optional<Node> source = graph.node(from.nodeId());
        Optional<Node> target = graph.node(to.nodeId());
        if (source.isEmpty() || target.isEmpty()) {
            return Optional.of("That layer no longer exists.");
        }
        LayerType sourceType = catalog.type(source.get().kind());
        LayerType targetType = catalog.type(target.get().kind());
        if (!sourceType.hasOutput() || !PortRef.OUT.equals(from.port())) {
            return Optional.of(source.get().name() + " has no output to start a wire from.");
        }
        if (targetType.inputPort(to.port()).isEmpty()) {
            return Optional.of(target.get().name() + " (" + targetType.displayName() + ") takes no input.");
        }
        if (from.nodeId().equals(to.nodeId())) {
            return Optional.of("A layer cannot feed itself.");
        }
        Wire wire = new Wire(from, to);
        if (graph.wires().contains(wire)) {
            return Optional.of("These two layers are already connected.");
        }
        boolean many = targetType.inputPort(to.port()).get().acceptsMany();
        if (!many && graph.wiresInto(to.nodeId()).stream().anyMatch(w -> w.to().port().equals(to.port()))) {
            return Optional.of(target.get().name() + " already has an input. Delete that wire first, or use Add or"
                    + " Concatenate to merge two inputs.");
        }
        if (GraphTopology.of(graph).downstreamOf(to.nodeId()).contains(from.nodeId())) {
            return Optional.of("That wire would make a loop: data must flow one way, from the Input to the Output.");
        }
        return Optional.empty();
    }

    /**
     * The problems the new wire would cause at its target (validating the graph with the wire), empty
     * when the shapes fit.
     */
    public List<Problem> fullCheck(GraphValidator validator, NetworkGraph graph, Wire wire) {
        ValidationReport before = validator.validate(graph);
        ValidationReport after = validator.validate(graph.withWire(graph.wires().size(), wire));
        Set<String> known = new HashSet<>();
        for (Problem p : before.problems()) {
            known.add(p.message());
        }
        return after.problemsFor(wire.to().nodeId()).stream()
                .filter(p -> p.isError() && !known.contains(p.message())).toList();
    }
}
