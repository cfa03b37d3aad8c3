package org.layerloom.engine.data;

import java.util.Objects;
import org.layerloom.engine.graph.TensorShape;

/**
 * One split of a dataset held in memory: {@link #size()} examples of {@link #exampleShape()} (batch axis
 * implied), their inputs in one {@link FeatureBlock} and their {@link Labels}. Example {@code i} occupies
 * values {@code [i * exampleSize, (i + 1) * exampleSize)} of the block. {@link #slice} shares storage,
 * {@link #subset} copies just the chosen rows. Immutable; any thread.
 */
public final class Examples {

    private final FeatureBlock features;
    private final TensorShape exampleShape;
    private final int exampleSize;
    private final Labels labels;

    private Examples(FeatureBlock features, TensorShape exampleShape, int exampleSize, Labels labels) {
        this.features = features;
        this.exampleShape = exampleShape;
        this.exampleSize = exampleSize;
        this.labels = labels;
    }

    /**
     * Pairs a feature block with its example shape and labels. Token-id shapes need {@link TokenFeatures},
     * real shapes {@link RealFeatures}; the block must hold exactly one row per label.
     */
    public static Examples of(FeatureBlock features, TensorShape exampleShape, Labels labels) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(exampleShape, "exampleShape");
        Objects.requireNonNull(labels, "labels");
        if (exampleShape.isTokenIds() != (features instanceof TokenFeatures)) {
            throw new IllegalArgumentException("shape " + exampleShape + " does not fit " + features);
        }
        long exampleSize = exampleShape.size();
        if ((long) labels.size() * exampleSize != features.length()) {
            throw new IllegalArgumentException(features + " do not hold " + labels.size() + " examples of "
                    + exampleShape.tuple());
        }
        return new Examples(features, exampleShape, (int) exampleSize, labels);
    }

    /** Number of examples. */
    public int size() {
        return labels.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** Shape of one example, without the batch axis, e.g. (1, 28, 28). */
    public TensorShape exampleShape() {
        return exampleShape;
    }

    /** Values per example (the product of the shape's axes). */
    public int exampleSize() {
        return exampleSize;
    }

    public FeatureBlock features() {
        return features;
    }

    public Labels labels() {
        return labels;
    }

    /** The real-valued features; fails for token-id inputs. */
    public RealFeatures realFeatures() {
        if (features instanceof RealFeatures real) {
            return real;
        }
        throw new IllegalStateException("these examples hold token ids, not real features");
    }

    /** The class labels; fails for regression targets. */
    public ClassLabels classLabels() {
        if (labels instanceof ClassLabels classes) {
            return classes;
        }
        throw new IllegalStateException("these examples have regression targets, not class labels");
    }

    /** New examples made of copies of the examples at {@code indices}, in that order (repeats allowed). */
    public Examples subset(int[] indices) {
        for (int index : indices) {
            Objects.checkIndex(index, size());
        }
        return new Examples(features.gather(indices, exampleSize), exampleShape, exampleSize,
                labels.gather(indices));
    }

    /** Examples {@code [from, to)}, sharing storage with these (no copy). */
    public Examples slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        return new Examples(features.slice(from * exampleSize, to * exampleSize), exampleShape, exampleSize,
                labels.slice(from, to));
    }

    /** The first {@code count} examples, or all of them if there are fewer; no copy. */
    public Examples first(int count) {
        return count >= size() ? this : slice(0, Math.max(0, count));
    }

    @Override
    public String toString() {
        return "Examples[" + size() + " × " + exampleShape.tuple() + ", " + labels + "]";
    }
}
