package org.layerloom.charts.histogram;

import java.util.Objects;

/** One named line: x and y values of equal length (NaN y values leave gaps). Immutable; any thread. */
public record LineSeries(String name, double[] x, double[] y) {

    public LineSeries {
        Objects.requireNonNull(name, "name");
        x = x.clone();
        y = y.clone();
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    int size() {
        return x.length;
    }

    double xAt(int i) {
        return x[i];
    }

    double yAt(int i) {
        return y[i];
    }
}
