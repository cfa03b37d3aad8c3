package org.layerloom.engine.inspect;

import java.util.Arrays;
import java.util.Objects;

/**
 * The attention weights of one self-attention (or Transformer encoder) node for one example: for every
 * head a queries × keys matrix whose rows sum to 1 (softmax(QKᵀ/√d), before attention dropout), stored
 * head after head, row by row. Immutable; any thread.
 */
public record AttentionWeights(String nodeId, int heads, int queries, int keys, float[] weights) {

    public AttentionWeights {
        Objects.requireNonNull(nodeId, "nodeId");
        weights = weights.clone();
        if ((long) heads * queries * keys != weights.length) {
            throw new IllegalArgumentException(heads + "×" + queries + "×" + keys + " weights expected, not "
                    + weights.length);
        }
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }

    /** Head {@code h}'s matrix, queries × keys, row by row. */
    public float[] head(int h) {
        Objects.checkIndex(h, heads);
        int size = queries * keys;
        return Arrays.copyOfRange(weights, h * size, (h + 1) * size);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttentionWeights a && nodeId.equals(a.nodeId) && heads == a.heads
                && queries == a.queries && keys == a.keys && Arrays.equals(weights, a.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeId, heads, queries, keys, Arrays.hashCode(weights));
    }

    @Override
    public String toString() {
        return "AttentionWeights[" + nodeId + " " + heads + "×" + queries + "×" + keys + "]";
    }
}
