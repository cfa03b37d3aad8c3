package org.layerloom.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Round tick values for chart axes: 1-2-5 steps on a linear axis, powers of ten on a log axis, and short
 * labels for them. Stateless; any thread.
 */
public final class AxisTicks {

    private AxisTicks() {
    }

    /** About {@code count} round values covering [low, high]. */
    public static List<Double> linear(double low, double high, int count) {
        List<Double> ticks = new ArrayList<>();
        if (!(high > low) || count < 1) {
            ticks.add(low);
            return ticks;
        }
        double raw = (high - low) / count;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 5, 10}) {
            step = m * magnitude;
            if (step >= raw) {
                break;
            }
        }
        for (double v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return ticks;
    }

    /** The powers of ten within [low, high] (both positive), thinned to at most {@code count}. */
    public static List<Double> log(double low, double high, int count) {
        List<Double> ticks = new ArrayList<>();
        int from = (int) Math.ceil(Math.log10(low) - 1e-9);
        int to = (int) Math.floor(Math.log10(high) + 1e-9);
        int every = Math.max(1, (int) Math.ceil((to - from + 1) / (double) Math.max(1, count)));
        for (int e = from; e <= to; e++) {
            if ((e - from) % every == 0) {
                ticks.add(Math.pow(10, e));
            }
        }
        return ticks;
    }

    /** A short label: "0.25", "-1", "1e-05", "12k". */
    public static String label(double v) {
        double a = Math.abs(v);
        if (v == 0) {
            return "0";
        }
        if (a >= 1e4) {
            return a >= 1e6 ? String.format(Locale.ROOT, "%.0e", v) : String.format(Locale.ROOT, "%.0fk", v / 1000);
        }
        if (a < 1e-3) {
            return String.format(Locale.ROOT, "%.0e", v);
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
