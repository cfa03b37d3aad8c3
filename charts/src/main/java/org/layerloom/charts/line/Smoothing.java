package org.layerloom.charts.line;

/**
 * The smoothed line drawn over a noisy series: an exponential moving average with weight
 * {@code w} in [0, 1) (0: no smoothing), corrected for its start so the first points are not pulled
 * towards zero (as TensorBoard does). Incremental: feed it points in order with {@link #next(double)};
 * NaN inputs are passed over and give NaN. Not thread-safe; one owner.
 */
public final class Smoothing {

    private final double weight;
    private double average;
    private double correction = 1;

    /** @throws IllegalArgumentException when {@code weight} is outside [0, 1) */
    public Smoothing(double weight) {
        if (!(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException("smoothing must be at least 0 and below 1, not " + weight);
        }
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }

    /** The smoothed value after {@code y}. */
    public double next(double y) {
        if (Double.isNaN(y) || Double.isInfinite(y)) {
            return Double.NaN;
        }
        average = average * weight + (1 - weight) * y;
        correction *= weight;
        return average / (1 - correction);
    }
}
