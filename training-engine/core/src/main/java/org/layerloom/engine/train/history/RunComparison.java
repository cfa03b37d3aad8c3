package org.layerloom.engine.train.history;

import java.util.List;

/**
 * What tells compared runs apart: one short legend label per run (in the order given) and the
 * differences as sentences, e.g. "lr 0.01 vs 0.001" or "Dropout added". Immutable.
 */
public record RunComparison(List<String> labels, List<String> differences) {

    public RunComparison {
        labels = List.copyOf(labels);
        differences = List.copyOf(differences);
    }

    /** The differences in one line, or "same settings and network" when there is none. */
    public String headline() {
        return differences.isEmpty() ? "same settings and network" : String.join("; ", differences);
    }
}
