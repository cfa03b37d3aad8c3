package org.layerloom.app.export;

import java.util.List;

/**
 * What checking an export found: whether the target could run here, a sentence for the student (what ran, on
 * what batch, or why nothing ran), and each node's difference against LayerLoom's own network. Immutable.
 */
public record Verification(boolean ran, String note, List<NodeDifference> nodes) {

    public Verification {
        nodes = List.copyOf(nodes);
    }

    /** The target could not run on this machine; {@code why} says so in a sentence. */
    public static Verification notRun(String why) {
        return new Verification(false, why, List.of());
    }

    /** True when it ran and every node agrees. */
    public boolean agrees() {
        return ran && !nodes.isEmpty() && nodes.stream().allMatch(NodeDifference::agrees);
    }
}
