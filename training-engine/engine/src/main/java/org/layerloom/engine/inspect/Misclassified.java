package org.layerloom.engine.inspect;

/**
 * One test example the network got wrong: its index in the split, the true and the predicted class,
 * and the three (or fewer) most likely classes with their probabilities. Immutable; any thread.
 */
public record Misclassified(int index, int trueClass, int predictedClass, int[] topClasses, float[] topProbabilities) {

    public Misclassified {
        topClasses = topClasses.clone();
        topProbabilities = topProbabilities.clone();
    }

    @Override
    public int[] topClasses() {
        return topClasses.clone();
    }

    @Override
    public float[] topProbabilities() {
        return topProbabilities.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Misclassified m && index == m.index && trueClass == m.trueClass
                && predictedClass == m.predictedClass && java.util.Arrays.equals(topClasses, m.topClasses)
                && java.util.Arrays.equals(topProbabilities, m.topProbabilities);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * index + trueClass) + predictedClass;
    }

    @Override
    public String toString() {
        return "Misclassified[#" + index + " " + trueClass + "→" + predictedClass + "]";
    }
}
