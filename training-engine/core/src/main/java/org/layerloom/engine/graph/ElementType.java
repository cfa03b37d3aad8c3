package org.layerloom.engine.graph;

/**
 * What the numbers in a tensor stand for: real values, or whole-number token ids that only an
 * Embedding can read. Immutable; any thread.
 */
public enum ElementType {
    /** Real numbers: pixels, features, activations. */
    REAL,
    /** Whole numbers that index a vocabulary (word or character codes). */
    TOKEN_ID
}
