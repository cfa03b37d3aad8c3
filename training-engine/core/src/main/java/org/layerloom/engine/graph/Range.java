package org.layerloom.engine.graph;

/**
 * The allowed numbers of an integer or real parameter (or of each axis of a shape).
 * Immutable; any thread.
 */
public record Range(double min, boolean minOpen, double max, boolean maxOpen) {

    public static Range closed(double min, double max) {
        return new Range(min, false, max, false);
    }

    /** min &lt; x ≤ max. */
    public static Range leftOpen(double min, double max) {
        return new Range(min, true, max, false);
    }

    /** min ≤ x &lt; max. */
    public static Range rightOpen(double min, double max) {
        return new Range(min, false, max, true);
    }

    public boolean contains(double x) {
        boolean aboveMin = minOpen ? x > min : x >= min;
        boolean belowMax = maxOpen ? x < max : x <= max;
        return aboveMin && belowMax && !Double.isNaN(x);
    }

    /** The allowed value nearest to {@code x}. */
    public double clamp(double x, boolean integral) {
        double step = integral ? 1 : Math.max(Math.ulp(min), 1e-6);
        if (Double.isNaN(x) || x < min || (minOpen && x <= min)) {
            return minOpen ? min + step : min;
        }
        if (x > max || (maxOpen && x >= max)) {
            return maxOpen ? max - step : max;
        }
        return x;
    }

    /** E.g. "between 1 and 4096" or "from 0 up to (not including) 1". */
    public String describe(boolean integral) {
        String lo = format(min, integral);
        String hi = format(max, integral);
        if (!minOpen && !maxOpen) {
            return "between " + lo + " and " + hi;
        }
        if (minOpen && !maxOpen) {
            return "greater than " + lo + " and at most " + hi;
        }
        if (!minOpen) {
            return "at least " + lo + " and below " + hi;
        }
        return "between " + lo + " and " + hi + " (both excluded)";
    }

    static String format(double x, boolean integral) {
        if (integral || x == Math.rint(x)) {
            return String.format(java.util.Locale.ROOT, "%,d", (long) x);
        }
        return String.valueOf(x);
    }
}
