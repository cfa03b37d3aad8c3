package org.layerloom.engine.train;

/**
 * Accumulates predicted against true classes and gives accuracy, per-class precision and recall and
 * the confusion matrix (rows: true class, columns: predicted). Single thread.
 */
public final class ClassificationMetrics {

    private final int[][] confusion;
    private long total;
    private long correct;

    public ClassificationMetrics(int classes) {
        this.confusion = new int[classes][classes];
    }

    public void add(int[] truth, int[] predicted) {
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
            if (truth[i] == predicted[i]) {
                correct++;
            }
        }
        total += truth.length;
    }

    public double accuracy() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    public double[] precision() {
        double[] result = new double[confusion.length];
        for (int c = 0; c < confusion.length; c++) {
            long predicted = 0;
            for (int[] row : confusion) {
                predicted += row[c];
            }
            result[c] = predicted == 0 ? Double.NaN : (double) confusion[c][c] / predicted;
        }
        return result;
    }

    public double[] recall() {
        double[] result = new double[confusion.length];
        for (int c = 0; c < confusion.length; c++) {
            long actual = 0;
            for (int count : confusion[c]) {
                actual += count;
            }
            result[c] = actual == 0 ? Double.NaN : (double) confusion[c][c] / actual;
        }
        return result;
    }

    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    public long total() {
        return total;
    }
}
