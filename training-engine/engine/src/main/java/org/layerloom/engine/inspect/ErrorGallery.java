package org.layerloom.engine.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The misclassified examples of a split, grouped by confusion-matrix cell, for the clickable confusion
 * matrix: {@link #cell} gives exactly the examples of true class t predicted as p (in split order), each
 * with its top-3 probabilities. Built in plain Java from the probabilities a {@code SavedRun} or
 * {@link Inspector} predicts. Immutable; any thread.
 */
public final class ErrorGallery {

    private final int classes;
    private final List<Misclassified> all;
    private final int[][] confusion;

    private ErrorGallery(int classes, List<Misclassified> all, int[][] confusion) {
        this.classes = classes;
        this.all = List.copyOf(all);
        this.confusion = confusion;
    }

    /**
     * @param probabilities one row of class probabilities per example
     * @param labels        the true class of each example
     */
    public static ErrorGallery of(float[][] probabilities, int[] labels) {
        if (probabilities.length != labels.length) {
            throw new IllegalArgumentException(probabilities.length + " predictions for " + labels.length + " labels");
        }
        int classes = probabilities.length == 0 ? 0 : probabilities[0].length;
        int[][] confusion = new int[classes][classes];
        List<Misclassified> wrong = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            float[] p = probabilities[i];
            int predicted = TopK.argmax(p, 0, p.length);
            confusion[labels[i]][predicted]++;
            if (predicted != labels[i]) {
                int[] top = TopK.indices(p, 3);
                float[] topP = new float[top.length];
                for (int k = 0; k < top.length; k++) {
                    topP[k] = p[top[k]];
                }
                wrong.add(new Misclassified(i, labels[i], predicted, top, topP));
            }
        }
        return new ErrorGallery(classes, wrong, confusion);
    }

    public int classes() {
        return classes;
    }

    /** Every misclassified example, in split order. */
    public List<Misclassified> all() {
        return all;
    }

    /** The misclassified examples of true class {@code trueClass} predicted as {@code predictedClass}. */
    public List<Misclassified> cell(int trueClass, int predictedClass) {
        Objects.checkIndex(trueClass, classes);
        Objects.checkIndex(predictedClass, classes);
        return all.stream().filter(m -> m.trueClass() == trueClass && m.predictedClass() == predictedClass).toList();
    }

    /** The confusion matrix [true][predicted] of these predictions (a copy). */
    public int[][] confusion() {
        return Arrays.stream(confusion).map(int[]::clone).toArray(int[][]::new);
    }
}
