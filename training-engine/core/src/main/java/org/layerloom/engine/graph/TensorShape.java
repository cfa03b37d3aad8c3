package org.layerloom.engine.graph;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The shape of the tensor on a wire, per example (the batch axis is implied and never listed).
 *
 * <p>Layout by rank: {@code (F)} a vector of F features; {@code (T, F)} a sequence of T steps with F
 * features each; {@code (C, H, W)} C feature maps (channels) of H×W. Token ids are a rank-1 sequence
 * {@code (T)} with {@link ElementType#TOKEN_ID}. Immutable; any thread.
 */
public record TensorShape(List<Integer> dims, ElementType elements) {

    public TensorShape {
        dims = List.copyOf(dims);
        if (dims.isEmpty()) {
            throw new IllegalArgumentException("a tensor shape needs at least one axis");
        }
        for (int d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("axis sizes must be positive: " + dims);
            }
        }
    }

    /** Real-valued shape with the given axis sizes. */
    public static TensorShape of(int... dims) {
        return new TensorShape(java.util.Arrays.stream(dims).boxed().toList(), ElementType.REAL);
    }

    /** A sequence of {@code length} token ids. */
    public static TensorShape tokens(int length) {
        return new TensorShape(List.of(length), ElementType.TOKEN_ID);
    }

    public int rank() {
        return dims.size();
    }

    public int dim(int axis) {
        return dims.get(axis);
    }

    public int last() {
        return dims.get(dims.size() - 1);
    }

    /** Number of values per example (product of the axes); {@link Long#MAX_VALUE} if that does not fit a long. */
    public long size() {
        long size = 1;
        for (int d : dims) {
            if (size > Long.MAX_VALUE / d) {
                return Long.MAX_VALUE;
            }
            size *= d;
        }
        return size;
    }

    public boolean isTokenIds() {
        return elements == ElementType.TOKEN_ID;
    }

    public boolean isVector() {
        return !isTokenIds() && rank() == 1;
    }

    public boolean isSequence() {
        return !isTokenIds() && rank() == 2;
    }

    public boolean isImage() {
        return !isTokenIds() && rank() == 3;
    }

    public TensorShape withElements(ElementType type) {
        return new TensorShape(dims, type);
    }

    /** Compact label for wires, e.g. {@code 32×13×13}. */
    @Override
    public String toString() {
        String joined = dims.stream().map(String::valueOf).collect(Collectors.joining("×"));
        return isTokenIds() ? joined + " ids" : joined;
    }

    /** The dimensions as a tuple, e.g. {@code (1, 28, 28)}. */
    public String tuple() {
        return dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }

    /** Words a student understands, e.g. "784 features" or "32×13×13 feature maps". */
    public String describe() {
        if (isTokenIds()) {
            return "a sequence of " + dims.get(0) + " token ids";
        }
        switch (rank()) {
            case 1:
                return dims.get(0) + (dims.get(0) == 1 ? " value" : " features");
            case 2:
                return "a sequence of " + dims.get(0) + " steps × " + dims.get(1) + " features";
            case 3:
                return toString() + " feature maps";
            default:
                return "a " + rank() + "-axis tensor " + toString();
        }
    }
}
