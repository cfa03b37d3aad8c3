package org.layerloom.engine.train.event;

import java.util.List;

/**
 * The evaluation of a model on the test split. For classification: loss, accuracy, per-class
 * precision and recall and the confusion matrix (rows: true class, columns: predicted); for
 * regression: loss, MAE and MSE, with the classification fields empty/NaN. Immutable.
 */
public record TestMetrics(int examples, double loss, double accuracy, List<String> classNames,
                          double[] precision, double[] recall, int[][] confusion, double mae, double mse) {

    public TestMetrics {
        classNames = List.copyOf(classNames);
        precision = precision.clone();
        recall = recall.clone();
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        confusion = copy;
    }

    public boolean isClassification() {
        return !classNames.isEmpty();
    }

    @Override
    public double[] precision() {
        return precision.clone();
    }

    @Override
    public double[] recall() {
        return recall.clone();
    }

    @Override
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }
}
