package org.layerloom.app.train;

import java.util.Locale;

/** Short texts for durations and rates on the dashboard ("1:05", "1:02:03", "12,345"). Stateless; any thread. */
public final class TimeText {

    private TimeText() {
    }

    /** "0:07", "12:30" or "1:02:03"; "–" for an unknown (NaN or negative) time. */
    public static String duration(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0 || Double.isInfinite(seconds)) {
            return "–";
        }
        long total = Math.round(seconds);
        long h = total / 3600;
        long m = (total / 60) % 60;
        long s = total % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    /** A count with thousands separators. */
    public static String count(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    /** A learning rate or other small number without needless digits: 0.001, 3e-05. */
    public static String rate(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        String plain = java.math.BigDecimal.valueOf(value).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString();
        return plain.length() > 9 ? String.format(Locale.ROOT, "%.3g", value) : plain;
    }

    /** A fraction as a percentage with one decimal: "87.5 %"; "–" for NaN. */
    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }
}
