package org.layerloom.engine.train.coach;

import java.util.Locale;

/** How the coach writes numbers in its reasons. Stateless; any thread. */
final class Numbers {

    private Numbers() {
    }

    /** Three significant digits: 0.523, 1.84, 2.30e-05; "NaN" for not a number. */
    static String loss(double x) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "NaN" : "infinite";
        }
        return Math.abs(x) >= 1e-3 || x == 0 ? String.format(Locale.ROOT, "%.3g", x)
                : String.format(Locale.ROOT, "%.2e", x);
    }

    /** A fraction as a whole percentage: 0.113 → "11%". */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }

    /** A duration in seconds as "45 s" or "3 min 20 s". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
    }

    /** The learning rate after scaling {@code from} by {@code factor}, rounded to one significant digit. */
    static double scaledRate(double from, double factor) {
        double x = from * factor;
        double magnitude = Math.pow(10, Math.floor(Math.log10(x)));
        return Math.round(x / magnitude) * magnitude;
    }
}
