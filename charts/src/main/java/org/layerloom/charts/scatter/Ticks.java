package org.layerloom.charts.scatter;

import java.util.ArrayList;
import java.util.List;

/** "Nice" axis tick values (steps of 1, 2 or 5 × 10ⁿ) inside a range. Stateless; any thread. */
final class Ticks {

    private Ticks() {
    }

    /** About {@code count} round values between {@code min} and {@code max}, inclusive. */
    static List<Double> of(double min, double max, int count) {
        List<Double> ticks = new ArrayList<>();
        if (!(max > min) || count < 1) {
            return ticks;
        }
        double raw = (max - min) / count;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 5, 10}) {
            step = m * magnitude;
            if (step >= raw) {
                break;
            }
        }
        for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks;
    }
}
