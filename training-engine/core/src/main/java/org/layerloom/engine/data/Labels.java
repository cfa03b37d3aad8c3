package org.layerloom.engine.data;

/**
 * What the network should predict for a run of examples: a class index each ({@link ClassLabels}) or a
 * vector of real targets each ({@link RegressionTargets}). Immutable; any thread.
 */
public sealed interface Labels permits ClassLabels, RegressionTargets {

    /** Number of examples labelled. */
    int size();

    /** New labels for the examples {@code rows[0], rows[1], ...}. */
    Labels gather(int[] rows);

    /** The labels of examples {@code [from, to)}, sharing storage (no copy). */
    Labels slice(int from, int to);
}
