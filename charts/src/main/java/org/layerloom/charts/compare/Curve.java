package org.layerloom.charts.compare;

/**
 * One run's curve for an overlay: its legend label and its points (x in increasing order). Immutable.
 *
 * @throws IllegalArgumentException when xs and ys differ in length
 */
public record Curve(String label, double[] xs, double[] ys) {

    public Curve {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException(xs.length + " x values but " + ys.length + " y values");
        }
        xs = xs.clone();
        ys = ys.clone();
    }

    @Override
    public double[] xs() {
        return xs.clone();
    }

    @Override
    public double[] ys() {
        return ys.clone();
    }
}
