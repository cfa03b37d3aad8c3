package org.layerloom.engine.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How LayerLoom writes numbers for people, in the app, the charts' captions, the command line and the
 * coach's advice: a point for decimals and a comma between thousands on every platform ({@link Locale#ROOT},
 * so no screen prints "87,5" while another prints "87.5"), a space before the per-cent sign ("62 %",
 * "87.5 %"), and "–" for a number that is not known (NaN). Stateless; any thread.
 */
public final class Numbers {

    /** What is shown for an unknown number. */
    public static final String UNKNOWN = "–";
    /** The smallest probability {@link #probability} writes as a number (0.01 %). */
    private static final double TINY = 1e-4;

    private Numbers() {
    }

    /** A fraction as a whole percentage: 0.113 → "11 %"; "–" for NaN. */
    public static String percent(double fraction) {
        return percent(fraction, 0);
    }

    /** A fraction as a percentage with {@code decimals} decimals: (0.875, 1) → "87.5 %"; "–" for NaN. */
    public static String percent(double fraction, int decimals) {
        if (Double.isNaN(fraction)) {
            return UNKNOWN;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f %%", 100 * fraction);
    }

    /**
     * A probability as a percentage with as many decimals as it needs to be told from 0 and 1: 0.93 → "93 %",
     * 0.075 → "7.5 %", 0.0075 → "0.75 %", 0.9962 → "99.62 %" (no trailing zeros: 0.93 → "93 %"); below 0.01 % "&lt; 0.01 %", above 99.99 %
     * "&gt; 99.99 %"; exactly 0 and 1 are "0 %" and "100 %"; "–" for NaN. Values outside [0, 1] are written
     * as plain percentages.
     */
    public static String probability(double p) {
        if (Double.isNaN(p)) {
            return UNKNOWN;
        }
        if (p <= 0 || p >= 1) {
            return p == 0 || p == 1 ? percent(p) : percent(p, 1);
        }
        if (p < TINY) {
            return "< " + percent(TINY, 2);
        }
        if (p > 1 - TINY) {
            return "> " + percent(1 - TINY, 2);
        }
        double nearest = Math.min(p, 1 - p);
        String digits = String.format(Locale.ROOT, "%." + (nearest < 0.01 ? 2 : nearest < 0.1 ? 1 : 0) + "f", 100 * p);
        return (digits.contains(".") ? digits.replaceAll("0+$", "").replaceAll("\\.$", "") : digits) + " %";
    }

    /** A count with thousands separators: 55050 → "55,050". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A count rounded to a whole number, with thousands separators: 12345.6 → "12,346"; "–" for NaN. */
    public static String count(double value) {
        return Double.isNaN(value) ? UNKNOWN : String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    /** A count and its noun, in the plural unless one: "1 error", "3 errors" (nouns whose plural ends in s). */
    public static String counted(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    /** Three significant digits, for losses and other measures: 0.523, 1.84, 2.30e-05; "NaN", "infinite". */
    public static String significant(double x) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "NaN" : "infinite";
        }
        return Math.abs(x) >= 1e-3 || x == 0 ? String.format(Locale.ROOT, "%.3g", x)
                : String.format(Locale.ROOT, "%.2e", x);
    }

    /** A learning rate or other small number without needless digits: 0.001, 3e-05 → "0.00003"; "–" for NaN. */
    public static String rate(double value) {
        if (Double.isNaN(value)) {
            return UNKNOWN;
        }
        String plain = BigDecimal.valueOf(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        return plain.length() > 9 ? String.format(Locale.ROOT, "%.3g", value) : plain;
    }

    /** A time in words, to the second: "45 s" or "3 min 20 s". */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
    }

    /** A measured time in seconds with one decimal: 7.43 → "7.4 s". */
    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    /** A running time as a clock: "0:07", "12:30" or "1:02:03"; "–" for an unknown (NaN, negative) time. */
    public static String clock(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0 || Double.isInfinite(seconds)) {
            return UNKNOWN;
        }
        long total = Math.round(seconds);
        long h = total / 3600;
        long m = (total / 60) % 60;
        long s = total % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
