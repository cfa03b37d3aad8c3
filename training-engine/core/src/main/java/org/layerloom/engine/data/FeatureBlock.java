package org.layerloom.engine.data;

/**
 * The input values of a run of examples, stored row-major in one primitive array: real numbers
 * ({@link RealFeatures}) or token ids ({@link TokenFeatures}). A block knows nothing of the example shape;
 * {@link Examples} pairs it with one. Immutable; any thread.
 */
public sealed interface FeatureBlock permits RealFeatures, TokenFeatures {

    /** Number of values (examples × values per example). */
    int length();

    /** A new block holding the rows {@code rows[0], rows[1], ...}, each {@code rowLength} values long. */
    FeatureBlock gather(int[] rows, int rowLength);

    /** The values {@code [from, to)}, sharing storage with this block (no copy). */
    FeatureBlock slice(int from, int to);
}
