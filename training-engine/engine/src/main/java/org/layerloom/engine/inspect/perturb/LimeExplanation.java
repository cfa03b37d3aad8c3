package org.layerloom.engine.inspect.perturb;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What a LIME fit says about one prediction: per feature, how much the explained class's probability rises
 * when that feature is present rather than hidden (the weight of a weighted linear model fitted to the
 * network's answers on randomly masked copies), the intercept (the probability with every feature hidden,
 * as the line sees it), and the weighted R² of that line: near 1, the line describes the network well
 * around this input; low, the weights should be read with care. Immutable; any thread.
 */
public record LimeExplanation(int classIndex, LimeFeatures features, double[] weights, double intercept,
                              double rSquared, int samples) {

    public LimeExplanation {
        weights = weights.clone();
        if (weights.length != features.count()) {
            throw new IllegalArgumentException("one weight per feature expected");
        }
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The feature names, in the order of the weights. */
    public List<String> names() {
        return features.names();
    }

    /** The features by decreasing weight (the most supporting first). */
    public int[] ranking() {
        return IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(f -> -weights[f]).thenComparingInt(f -> f))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Each feature's weight on its input positions, over the first {@code length} positions. */
    public float[] spread(int length) {
        return features.spread(weights, length);
    }

    /**
     * A map over the first {@code length} positions of the supporting weights of the top {@code top}
     * features, scaled so that the largest is 1; other positions 0 (for an overlay of the image).
     */
    public float[] topMap(int length, int top) {
        int[] order = ranking();
        double max = weights.length == 0 ? 0 : Math.max(0, weights[order[0]]);
        double[] kept = new double[weights.length];
        for (int i = 0; i < Math.min(top, order.length) && max > 0; i++) {
            kept[order[i]] = Math.max(0, weights[order[i]]) / max;
        }
        return features.spread(kept, length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LimeExplanation l && classIndex == l.classIndex && samples == l.samples
                && Arrays.equals(weights, l.weights) && intercept == l.intercept;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(weights) + classIndex;
    }

    @Override
    public String toString() {
        return "LimeExplanation[class " + classIndex + ", " + weights.length + " features, R² " + rSquared + "]";
    }
}
