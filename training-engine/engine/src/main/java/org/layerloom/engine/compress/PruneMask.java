package org.layerloom.engine.compress;

import java.util.BitSet;

/**
 * Which values of one weight tensor pruning removed: a set bit is a pruned (zeroed) position. Applying
 * the mask zeroes those positions; a fine-tuning step re-applies it so that they stay zero. Immutable;
 * any thread.
 */
public final class PruneMask {

    private final String name;
    private final int size;
    private final BitSet pruned;

    PruneMask(String name, int size, BitSet pruned) {
        this.name = name;
        this.size = size;
        this.pruned = (BitSet) pruned.clone();
    }

    /** The PyTorch name of the parameter this mask belongs to. */
    public String name() {
        return name;
    }

    /** How many values the tensor holds. */
    public int size() {
        return size;
    }

    /** How many values are pruned. */
    public int prunedCount() {
        return pruned.cardinality();
    }

    /** Whether the value at flat index {@code index} is pruned. */
    public boolean isPruned(int index) {
        return pruned.get(index);
    }

    /** The fraction of the tensor that is pruned, 0 to 1. */
    public double sparsity() {
        return size == 0 ? 0 : (double) prunedCount() / size;
    }

    /** A copy of {@code values} with every pruned position set to zero. */
    public float[] apply(float[] values) {
        if (values.length != size) {
            throw new IllegalArgumentException("the mask of " + name + " covers " + size + " values, not "
                    + values.length);
        }
        float[] out = values.clone();
        for (int i = pruned.nextSetBit(0); i >= 0; i = pruned.nextSetBit(i + 1)) {
            out[i] = 0f;
        }
        return out;
    }

    /** The pruned positions as 0/1 floats (1 = kept), PyTorch's {@code weight_mask} convention. */
    public float[] keepFactors() {
        float[] keep = new float[size];
        for (int i = 0; i < size; i++) {
            keep[i] = pruned.get(i) ? 0f : 1f;
        }
        return keep;
    }
}
