package org.layerloom.engine.data.csv;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one pass over a table learned about one column, without keeping its cells: how many values it has and
 * how many are plain numbers, the first value that is not, up to {@link TableEncoder#MAX_CATEGORIES} + 1
 * distinct values, which {@link NumberStyle}s read every value (with the examples messages quote), and, for a
 * label column, its distinct values (up to {@link #LABEL_VALUES}) and whether each style reads it as whole
 * numbers. Fed row by row in file order by the reading thread; read once the pass is over.
 */
final class ColumnFacts {

    /** Most distinct label values tracked; a classifier with more classes is refused. */
    static final int LABEL_VALUES = 10_000;

    private static final NumberStyle[] STYLES = NumberStyle.values();
    private static final byte UNDECIDED = 0;
    private static final byte TEXT = 1;
    private static final byte FRACTION = 2;

    int values;
    int numbers;
    long firstTextLine;
    String firstText;
    final TreeSet<String> categories = new TreeSet<>();
    boolean plain = true;
    boolean decimal = true;
    boolean thousands = true;
    boolean notNumber;
    String withComma;
    String notThousands;
    String notDecimal;
    private final Set<String> labels;
    boolean labelOverflow;
    private final byte[] verdicts = new byte[STYLES.length];

    ColumnFacts(boolean label) {
        labels = label ? new HashSet<>() : null;
    }

    boolean isLabel() {
        return labels != null;
    }

    /** Adds one cell (untrimmed) of the row starting on {@code line}. */
    void add(String cell, long line) {
        if (Values.isMissing(cell)) {
            return;
        }
        String v = cell.trim();
        values++;
        Double plainValue = Values.parse(v);
        boolean p = plainValue != null;
        if (p) {
            numbers++;
        } else if (firstText == null) {
            firstText = v;
            firstTextLine = line;
        }
        if (categories.size() <= TableEncoder.MAX_CATEGORIES) {
            categories.add(v);
        }
        if (!notNumber) {
            fit(v, p);
        }
        if (labels != null) {
            label(v, plainValue);
        }
    }

    /** As {@code NumberStyle.fit}: which styles read every value, and the first value each one does not. */
    private void fit(String v, boolean p) {
        boolean d = (decimal || !p) && (p ? plainFitsDecimal(v) : NumberStyle.DECIMAL_COMMA.parse(v) != null);
        boolean t = (thousands || (!p && !d)) && (p ? plainFitsThousands(v)
                : NumberStyle.THOUSANDS_COMMA.parse(v) != null);
        if (!p && !d && !t) {
            notNumber = true;
            return;
        }
        if (withComma == null && v.indexOf(',') >= 0) {
            withComma = v;
        }
        if (notThousands == null && !t) {
            notThousands = v;
        }
        if (notDecimal == null && !d) {
            notDecimal = v;
        }
        plain &= p;
        decimal &= d;
        thousands &= t;
    }

    /**
     * Whether a plain number (no commas) reads with commas between thousands: only digits with an optional sign
     * and fraction, as {@code [+-]?\d+(\.\d+)?}. Saves the regular expression on every plain cell.
     */
    private static boolean plainFitsThousands(String v) {
        int i = v.charAt(0) == '+' || v.charAt(0) == '-' ? 1 : 0;
        int digits = digitsFrom(v, i);
        if (digits == 0) {
            return false;
        }
        i += digits;
        if (i == v.length()) {
            return true;
        }
        if (v.charAt(i) != '.') {
            return false;
        }
        int fraction = digitsFrom(v, i + 1);
        return fraction > 0 && i + 1 + fraction == v.length();
    }

    /**
     * Whether a plain number (no commas) reads with a decimal comma: digits with an optional sign, or groups of
     * three after points between thousands, as {@code [+-]?(\d{1,3}(\.\d{3})+|\d+)}.
     */
    private static boolean plainFitsDecimal(String v) {
        int i = v.charAt(0) == '+' || v.charAt(0) == '-' ? 1 : 0;
        int digits = digitsFrom(v, i);
        if (digits == 0) {
            return false;
        }
        i += digits;
        if (i == v.length()) {
            return true;
        }
        if (digits > 3) {
            return false;
        }
        while (i < v.length()) {
            if (v.charAt(i) != '.' || digitsFrom(v, i + 1) != 3) {
                return false;
            }
            i += 4;
        }
        return true;
    }

    private static int digitsFrom(String v, int from) {
        int i = from;
        while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    private void label(String v, Double plainValue) {
        if (!labelOverflow && !labels.contains(v)) {
            if (labels.size() >= LABEL_VALUES) {
                labelOverflow = true;
            } else {
                labels.add(v);
            }
        }
        for (int s = 0; s < STYLES.length; s++) {
            if (verdicts[s] == UNDECIDED) {
                Double d = plainValue == null ? STYLES[s].parse(v) : plainIn(STYLES[s], v, plainValue);
                if (d == null) {
                    verdicts[s] = TEXT;
                } else if (d != Math.rint(d)) {
                    verdicts[s] = FRACTION;
                }
            }
        }
    }

    /** What a plain number reads as in {@code style}, without the regular expression for the usual cases. */
    private static Double plainIn(NumberStyle style, String v, Double plainValue) {
        return switch (style) {
            case PLAIN -> plainValue;
            case THOUSANDS_COMMA -> plainFitsThousands(v) ? plainValue : null;
            case DECIMAL_COMMA -> !plainFitsDecimal(v) ? null : v.indexOf('.') < 0 ? plainValue : style.parse(v);
        };
    }

    /** The distinct label values seen (all of them unless {@link #labelOverflow}). */
    Set<String> labels() {
        return labels;
    }

    /**
     * Whether the label looks like classes when read in {@code style}: the first value decides (text: yes, a
     * fraction: no), otherwise at most 20 distinct whole numbers.
     */
    boolean looksLikeClasses(NumberStyle style) {
        return switch (verdicts[style.ordinal()]) {
            case TEXT -> true;
            case FRACTION -> false;
            default -> !labelOverflow && labels.size() <= 20;
        };
    }
}
