package org.layerloom.engine.train.event;

/**
 * Where a not-a-number (or infinite) result came from when it appeared before any parameter update: see
 * {@link OutputNotFinite}. Any thread.
 */
public enum NotFiniteCause {
    /** The input batch itself holds NaN or infinite values: the data. */
    INPUT,
    /** The batch's targets (labels) hold NaN or infinite values: the data. */
    TARGETS,
    /** A layer's initial weights are not finite. */
    PARAMETER,
    /** A layer turned finite inputs and finite weights into NaN or infinite values. */
    LAYER,
    /** Every layer's output was finite, but the loss computed from it was not. */
    LOSS,
    /** The output was not finite once and finite when the same batch ran again. */
    NOT_REPRODUCED
}
