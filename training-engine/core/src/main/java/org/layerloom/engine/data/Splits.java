package org.layerloom.engine.data;

import java.util.Objects;

/**
 * The three parts of a dataset: {@code train} to fit the weights, {@code validation} to watch for
 * overfitting while training, and {@code test} for the final score. Immutable; any thread.
 */
public record Splits(Examples train, Examples validation, Examples test) {

    public Splits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        if (!train.exampleShape().equals(validation.exampleShape())
                || !train.exampleShape().equals(test.exampleShape())) {
            throw new IllegalArgumentException("the splits have different example shapes: " + train + ", "
                    + validation + ", " + test);
        }
    }

    /**
     * Holds out {@code validationRatio} of {@code trainingSet} for validation, chosen at random from
     * {@code seed} (the same seed always gives the same split) and stratified by class for class labels,
     * and keeps {@code test} as given. Both parts keep the original order of their examples. A ratio of 0
     * gives an empty validation split and no copy.
     */
    public static Splits of(Examples trainingSet, Examples test, double validationRatio, long seed) {
        if (validationRatio == 0) {
            return new Splits(trainingSet, trainingSet.slice(trainingSet.size(), trainingSet.size()), test);
        }
        SplitPlan plan = plan(trainingSet, validationRatio, seed);
        Examples ordered = trainingSet.subset(plan.order());
        return new Splits(ordered.slice(0, plan.keptCount()), ordered.slice(plan.keptCount(), ordered.size()),
                test);
    }

    /** A random division of {@code examples}, stratified when they carry class labels. */
    static SplitPlan plan(Examples examples, double heldOutFraction, long seed) {
        return examples.labels() instanceof ClassLabels classes
                ? SplitPlan.stratified(classes, heldOutFraction, seed)
                : SplitPlan.random(examples.size(), heldOutFraction, seed);
    }

    /** Total number of examples over the three splits. */
    public int totalSize() {
        return train.size() + validation.size() + test.size();
    }
}
