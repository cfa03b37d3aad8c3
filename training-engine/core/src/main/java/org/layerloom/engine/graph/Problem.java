package org.layerloom.engine.graph;

import java.util.List;
import java.util.Optional;

/**
 * Something wrong with a network, in a student's words, with the nodes it concerns (empty for the
 * graph as a whole; the first is the main one) and suggested fixes. Immutable; any thread.
 */
public record Problem(List<String> nodeIds, Severity severity, String message, List<Fix> fixes) {

    public Problem {
        nodeIds = List.copyOf(nodeIds);
        fixes = List.copyOf(fixes);
    }

    public static Problem error(String nodeId, String message, List<Fix> fixes) {
        return new Problem(nodeId == null ? List.of() : List.of(nodeId), Severity.ERROR, message, fixes);
    }

    public static Problem warning(String nodeId, String message, List<Fix> fixes) {
        return new Problem(nodeId == null ? List.of() : List.of(nodeId), Severity.WARNING, message, fixes);
    }

    /** The main node of the problem, if it concerns one. */
    public Optional<String> nodeId() {
        return nodeIds.isEmpty() ? Optional.empty() : Optional.of(nodeIds.get(0));
    }

    public boolean concerns(String id) {
        return nodeIds.contains(id);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
