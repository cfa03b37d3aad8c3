package org.layerloom.engine.data;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Token-id inputs (word or character codes for an Embedding) as one {@code int} array, row-major: one row of
 * T ids per example. Slices share the array; nothing can change it after construction. Immutable; any thread.
 */
public final class TokenFeatures implements FeatureBlock {

    private final int[] ids;
    private final int offset;
    private final int length;

    private TokenFeatures(int[] ids, int offset, int length) {
        this.ids = ids;
        this.offset = offset;
        this.length = length;
    }

    /** A block holding a copy of {@code ids}; ids must not be negative. */
    public static TokenFeatures copyOf(int[] ids) {
        return owning(ids.clone());
    }

    /** Takes ownership of {@code ids} without copying; the caller must never touch the array again. */
    static TokenFeatures owning(int[] ids) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0) {
                throw new IllegalArgumentException("token id " + ids[i] + " at " + i + " is negative");
            }
        }
        return new TokenFeatures(ids, 0, ids.length);
    }

    @Override
    public int length() {
        return length;
    }

    public int get(int index) {
        Objects.checkIndex(index, length);
        return ids[offset + index];
    }

    /** A fresh read-only view of all ids, positioned at 0 with limit {@link #length()}; no copy. */
    public IntBuffer buffer() {
        return IntBuffer.wrap(ids, offset, length).slice().asReadOnlyBuffer();
    }

    public int[] toArray() {
        return Arrays.copyOfRange(ids, offset, offset + length);
    }

    @Override
    public TokenFeatures gather(int[] rows, int rowLength) {
        int[] out = new int[Math.multiplyExact(rows.length, rowLength)];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(ids, offset + rows[k] * rowLength, out, k * rowLength, rowLength);
        }
        return new TokenFeatures(out, 0, out.length);
    }

    @Override
    public TokenFeatures slice(int from, int to) {
        Objects.checkFromToIndex(from, to, length);
        return new TokenFeatures(ids, offset + from, to - from);
    }

    @Override
    public String toString() {
        return "TokenFeatures[" + length + " ids]";
    }
}
