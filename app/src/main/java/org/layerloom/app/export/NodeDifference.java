package org.layerloom.app.export;

/**
 * One node's agreement between an export and LayerLoom's own network on the check's batch: the largest absolute
 * difference of its outputs and the node's scale (its largest |value|). It agrees when the difference is at most
 * {@link #RELATIVE_TOLERANCE} of {@code max(1, scale)}, the tolerance of the engine's export tests (a few float32
 * rounding steps of other kernels; real mistakes differ by 0.3 or more). Immutable.
 *
 * @param nodeId the node's id, or {@code probabilities} for a classifier's class probabilities
 */
public record NodeDifference(String nodeId, double largest, double scale) {

    /** The tolerance as a fraction of the node's scale. */
    public static final double RELATIVE_TOLERANCE = 1e-5;

    /** The largest difference this node may show. */
    public double tolerance() {
        return RELATIVE_TOLERANCE * Math.max(1, scale);
    }

    public boolean agrees() {
        return largest <= tolerance();
    }

    /** Compares {@code expected} (LayerLoom's) with {@code actual} (the export's) values of {@code nodeId}. */
    public static NodeDifference of(String nodeId, float[] expected, float[] actual) {
        if (actual == null || actual.length != expected.length) {
            return new NodeDifference(nodeId, Double.POSITIVE_INFINITY, 0);
        }
        double largest = 0;
        double scale = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs((double) expected[i] - actual[i]);
            largest = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(largest, d);
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        return new NodeDifference(nodeId, largest, scale);
    }
}
