package org.layerloom.engine.data;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One class index in {@code [0, classCount)} per example, in an {@code int} array. Slices share the array;
 * nothing can change it after construction. Immutable; any thread.
 */
public final class ClassLabels implements Labels {

    private final int[] classes;
    private final int offset;
    private final int size;
    private final int classCount;

    private ClassLabels(int[] classes, int offset, int size, int classCount) {
        this.classes = classes;
        this.offset = offset;
        this.size = size;
        this.classCount = classCount;
    }

    /** Labels holding a copy of {@code classes}; every value must lie in {@code [0, classCount)}. */
    public static ClassLabels copyOf(int[] classes, int classCount) {
        return owning(classes.clone(), classCount);
    }

    /** Takes ownership of {@code classes} without copying; the caller must never touch the array again. */
    static ClassLabels owning(int[] classes, int classCount) {
        if (classCount < 1) {
            throw new IllegalArgumentException("a classification needs at least one class, not " + classCount);
        }
        for (int i = 0; i < classes.length; i++) {
            Objects.checkIndex(classes[i], classCount);
        }
        return new ClassLabels(classes, 0, classes.length, classCount);
    }

    @Override
    public int size() {
        return size;
    }

    public int classCount() {
        return classCount;
    }

    /** The class of example {@code index}. */
    public int get(int index) {
        Objects.checkIndex(index, size);
        return classes[offset + index];
    }

    /** How many examples each class has, indexed by class. */
    public int[] counts() {
        int[] counts = new int[classCount];
        for (int i = offset, end = offset + size; i < end; i++) {
            counts[classes[i]]++;
        }
        return counts;
    }

    /** A fresh read-only view of all class indices, positioned at 0; no copy. */
    public IntBuffer buffer() {
        return IntBuffer.wrap(classes, offset, size).slice().asReadOnlyBuffer();
    }

    public int[] toArray() {
        return Arrays.copyOfRange(classes, offset, offset + size);
    }

    @Override
    public ClassLabels gather(int[] rows) {
        int[] out = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = classes[offset + rows[k]];
        }
        return new ClassLabels(out, 0, out.length, classCount);
    }

    @Override
    public ClassLabels slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return new ClassLabels(classes, offset + from, to - from, classCount);
    }

    @Override
    public String toString() {
        return "ClassLabels[" + size + " examples, " + classCount + " classes]";
    }
}
