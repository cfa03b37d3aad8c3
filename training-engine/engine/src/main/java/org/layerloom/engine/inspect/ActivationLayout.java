package org.layerloom.engine.inspect;

/**
 * How a view should draw one example's activation, from its shape without the batch axis: feature maps
 * (C, H, W), a vector (F), a sequence (T, F) as a time × unit heatmap, or token ids (T). Immutable.
 */
public enum ActivationLayout {
    /** (channels, height, width): a grid of feature maps. */
    FEATURE_MAPS,
    /** (features): a bar strip. */
    VECTOR,
    /** (steps, features): a time × unit heatmap. */
    SEQUENCE,
    /** (steps) of integer token ids, the input of a text model. */
    TOKEN_IDS,
    /** Any other rank. */
    OTHER;

    /** The layout of an activation of this shape (batch axis left out). */
    public static ActivationLayout of(int[] shape, boolean tokenIds) {
        if (tokenIds) {
            return TOKEN_IDS;
        }
        return switch (shape.length) {
            case 1 -> VECTOR;
            case 2 -> SEQUENCE;
            case 3 -> FEATURE_MAPS;
            default -> OTHER;
        };
    }
}
