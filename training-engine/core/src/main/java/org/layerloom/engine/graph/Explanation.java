package org.layerloom.engine.graph;

/**
 * What a layer does, for students: a few plain sentences and, where there is one, its formula in
 * readable Unicode (e.g. {@code y = max(0, x)}). Immutable; any thread.
 */
public record Explanation(String text, String formula) {

    public boolean hasFormula() {
        return formula != null && !formula.isBlank();
    }
}
