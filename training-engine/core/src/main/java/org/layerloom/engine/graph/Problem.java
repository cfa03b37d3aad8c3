package org.layerloom.engine.graph;

import java.util.List;
import java.util.Optional;

/**
 * Something wrong with a network: what kind of problem it is (a stable code, for code to act on), the
 * nodes it concerns (empty for the graph as a whole; the first is the main one), the message in a
 * student's words (for people only; it may be reworded) and suggested fixes. Immutable; any thread.
 */
public record Problem(ProblemCode code, List<String> nodeIds, Severity severity, String message, List<Fix> fixes) {

    public Problem {
        java.util.Objects.requireNonNull(code, "code");
        nodeIds = List.copyOf(nodeIds);
        fixes = List.copyOf(fixes);
    }

    public static Problem error(ProblemCode code, String nodeId, String message, List<Fix> fixes) {
        return new Problem(code, nodeId == null ? List.of() : List.of(nodeId), Severity.ERROR, message, fixes);
    }

    public static Problem warning(ProblemCode code, String nodeId, String message, List<Fix> fixes) {
        return new Problem(code, nodeId == null ? List.of() : List.of(nodeId), Severity.WARNING, message, fixes);
    }

    /** The same problem with other suggested fixes. */
    public Problem withFixes(List<Fix> newFixes) {
        return new Problem(code, nodeIds, severity, message, newFixes);
    }

    public boolean is(ProblemCode kind) {
        return code == kind;
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
