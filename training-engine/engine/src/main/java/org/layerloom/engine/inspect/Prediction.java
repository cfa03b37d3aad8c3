package org.layerloom.engine.inspect;

import java.util.Arrays;

/**
 * What the network answers for one example: its raw outputs (the Output node's values), the class
 * probabilities for a classifier (softmax, or {@code [1 − p, p]} for one sigmoid score; empty for a
 * regression) and the predicted class ({@code -1} for a regression). Immutable; any thread.
 */
public record Prediction(float[] outputs, float[] probabilities, int predictedClass) {

    public Prediction {
        outputs = outputs.clone();
        probabilities = probabilities.clone();
    }

    @Override
    public float[] outputs() {
        return outputs.clone();
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    public boolean isClassification() {
        return predictedClass >= 0;
    }

    /** The probability of the predicted class, NaN for a regression. */
    public double confidence() {
        return isClassification() ? probabilities[predictedClass] : Double.NaN;
    }

    /** The {@code k} most likely classes, most likely first. */
    public int[] topClasses(int k) {
        return TopK.indices(probabilities, k);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Prediction p && predictedClass == p.predictedClass && Arrays.equals(outputs, p.outputs)
                && Arrays.equals(probabilities, p.probabilities);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(outputs) + Arrays.hashCode(probabilities)) + predictedClass;
    }

    @Override
    public String toString() {
        return "Prediction[class " + predictedClass + ", " + Arrays.toString(probabilities) + "]";
    }
}
