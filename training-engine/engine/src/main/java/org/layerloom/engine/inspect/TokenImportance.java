package org.layerloom.engine.inspect;

import java.util.Arrays;

/**
 * How much each token of a text input pushed the network towards a class: per position the norm of
 * gradient × embedding (the embedding node's output), raw and normalised to [0, 1]. Immutable; any thread.
 */
public record TokenImportance(int classIndex, int[] tokenIds, float[] importance) {

    public TokenImportance {
        tokenIds = tokenIds.clone();
        importance = importance.clone();
        if (tokenIds.length != importance.length) {
            throw new IllegalArgumentException("one importance per token expected");
        }
    }

    @Override
    public int[] tokenIds() {
        return tokenIds.clone();
    }

    @Override
    public float[] importance() {
        return importance.clone();
    }

    /** The importances scaled so that the largest is 1. */
    public float[] normalised() {
        return Maps.normalise(importance);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenImportance t && classIndex == t.classIndex && Arrays.equals(tokenIds, t.tokenIds)
                && Arrays.equals(importance, t.importance);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(importance) + classIndex;
    }

    @Override
    public String toString() {
        return "TokenImportance[class " + classIndex + ", " + Arrays.toString(importance) + "]";
    }
}
