package org.layerloom.engine.data.csv;

import java.util.List;
import org.layerloom.engine.data.LeftOut;

/**
 * Table rows turned into numbers: {@code features} holds {@code rows × featureNames.size()} values row-major at
 * its start (rows left out for missing values leave the rest unused);
 * {@code classes} (classification) or {@code targets} (regression) the labels, one per row (the other array
 * is empty); {@code numeric}
 * marks the inputs that came from numeric columns (the ones normalisation touches); {@code notes} say what was
 * skipped or could not be encoded, and {@code leftOut} counts the rows left out for a missing value with their
 * first lines. Arrays are owned by whoever receives this value.
 */
public record EncodedTable(float[] features, int[] classes, float[] targets, List<String> featureNames,
                           boolean[] numeric, int rows, List<String> notes, List<LeftOut> leftOut) {
}
