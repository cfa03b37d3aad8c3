package org.layerloom.engine.data.csv;

import java.util.BitSet;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.Labels;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.Splits;
import org.layerloom.engine.data.Splitting;
import org.layerloom.engine.graph.TensorShape;

/**
 * Splits an encoded table into train, validation and test without copying its numbers: the rows move inside
 * the one features array into split order (the division {@link Splitting} makes, from the request's seed and
 * training limit), normalisation rescales them there, and the three splits are slices of that array. The
 * result equals {@code Splitting.byRatio} (or {@code withTest}) followed by {@link Normalization#apply}, with one
 * array of the table's numbers instead of three or four. Takes over the arrays of the tables it is given.
 * Stateless; any thread.
 */
final class TableSplits {

    private TableSplits() {
    }

    /** Holds out {@code testFraction} of {@code table} for testing (stratified for classes), then validation. */
    static Splits byRatio(EncodedTable table, Labels labels, TensorShape shape, double testFraction,
                          DatasetRequest request, Normalization normalization) {
        Splitting.SplitIndices parts = Splitting.indicesByRatio(labels, testFraction, request);
        return arrange(table, labels, parts, shape, normalization, null, null);
    }

    /** Keeps {@code test} (from its own file) as the test split; {@code table} gives train and validation. */
    static Splits withTest(EncodedTable table, Labels labels, EncodedTable test, Labels testLabels,
                           TensorShape shape, DatasetRequest request, Normalization normalization) {
        Splitting.SplitIndices parts = Splitting.indicesByRatio(labels, 0, request);
        return arrange(table, labels, parts, shape, normalization, test, testLabels);
    }

    private static Splits arrange(EncodedTable table, Labels labels, Splitting.SplitIndices parts, TensorShape shape,
                                  Normalization normalization, EncodedTable test, Labels testLabels) {
        int width = shape.dim(0);
        int train = parts.train().length;
        int validation = parts.validation().length;
        int[] order = new int[train + validation + parts.test().length];
        System.arraycopy(parts.train(), 0, order, 0, train);
        System.arraycopy(parts.validation(), 0, order, train, validation);
        System.arraycopy(parts.test(), 0, order, train + validation, parts.test().length);
        float[] values = table.features();
        gatherInPlace(values, width, table.rows(), order);
        Labels ordered = labels.gather(order);
        double[][] fit = normalization.fit(values, train, table.numeric());
        Normalization.rescale(values, order.length * width, fit);
        RealFeatures features = RealFeatures.owning(values);
        Examples trainPart = Examples.of(features.slice(0, train * width), shape, ordered.slice(0, train));
        Examples validationPart = Examples.of(features.slice(train * width, (train + validation) * width), shape,
                ordered.slice(train, train + validation));
        Examples testPart;
        if (test == null) {
            testPart = Examples.of(features.slice((train + validation) * width, order.length * width), shape,
                    ordered.slice(train + validation, order.length));
        } else {
            Normalization.rescale(test.features(), test.rows() * width, fit);
            testPart = Examples.of(RealFeatures.owning(test.features()).slice(0, test.rows() * width), shape,
                    testLabels);
        }
        return new Splits(trainPart, validationPart, testPart);
    }

    /**
     * Moves the rows of {@code values} ({@code rows} rows of {@code width}) so that row {@code k} holds what
     * row {@code order[k]} held, for every {@code k} in {@code order} (distinct row numbers); the rows after
     * them hold the rest. Follows the cycles of the permutation with one row of scratch space.
     */
    static void gatherInPlace(float[] values, int width, int rows, int[] order) {
        int[] from = new int[rows];
        BitSet taken = new BitSet(rows);
        for (int k = 0; k < order.length; k++) {
            from[k] = order[k];
            taken.set(order[k]);
        }
        int k = order.length;
        for (int r = taken.nextClearBit(0); r < rows; r = taken.nextClearBit(r + 1)) {
            from[k++] = r;
        }
        BitSet done = new BitSet(rows);
        float[] scratch = new float[width];
        for (int start = 0; start < rows; start++) {
            if (done.get(start) || from[start] == start) {
                continue;
            }
            System.arraycopy(values, start * width, scratch, 0, width);
            int j = start;
            while (true) {
                done.set(j);
                int source = from[j];
                if (source == start) {
                    System.arraycopy(scratch, 0, values, j * width, width);
                    break;
                }
                System.arraycopy(values, source * width, values, j * width, width);
                j = source;
            }
        }
    }
}
