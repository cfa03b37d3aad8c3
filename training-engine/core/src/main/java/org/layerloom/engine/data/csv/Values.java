package org.layerloom.engine.data.csv;

import java.util.Locale;
import java.util.Set;

/** How table cells are read: which count as missing, and which as numbers. Stateless; any thread. */
public final class Values {

    private static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null", "none", "?", "-");
    /** Longer cells without spaces around them are never missing (lower case never shortens a text). */
    private static final int LONGEST_MISSING = 4;

    private Values() {
    }

    public static boolean isMissing(String cell) {
        int n = cell.length();
        if (n > LONGEST_MISSING && cell.charAt(0) > ' ' && cell.charAt(n - 1) > ' ') {
            return false;
        }
        return MISSING.contains(cell.trim().toLowerCase(Locale.ROOT));
    }

    public static boolean isNumber(String cell) {
        return parse(cell) != null;
    }

    /** The cell as a finite number, or null ("1e3", "-2.5" and "+4" are numbers; "1,5" and "inf" are not). */
    public static Double parse(String cell) {
        String t = cell.trim();
        if (t.isEmpty()) {
            return null;
        }
        char c0 = t.charAt(0);
        if (!(Character.isDigit(c0) || c0 == '-' || c0 == '+' || c0 == '.')) {
            return null;
        }
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) && !t.endsWith("d") && !t.endsWith("f") && !t.endsWith("D")
                    && !t.endsWith("F") ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Longest part of a cell that messages quote. */
    static final int QUOTED_CHARS = 80;

    /**
     * The cell in double quotes for a message, trimmed; a long one is cut to {@value #QUOTED_CHARS} characters
     * with an ellipsis and its length, so a huge cell does not flood the message.
     */
    public static String quote(String cell) {
        String t = cell.trim();
        if (t.length() <= QUOTED_CHARS) {
            return "\"" + t + "\"";
        }
        return String.format(Locale.ROOT, "\"%s…\" (a cell of %,d characters)", t.substring(0, QUOTED_CHARS),
                t.length());
    }
}
