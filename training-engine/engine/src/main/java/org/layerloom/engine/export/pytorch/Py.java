package org.layerloom.engine.export.pytorch;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Python literals for generated code. Stateless; any thread. */
final class Py {

    private Py() {
    }

    static String bool(boolean value) {
        return value ? "True" : "False";
    }

    /** A float literal that reads back to the same double: {@code 0.1}, {@code 1e-05}. */
    static String real(double value) {
        return Double.toString(value).toLowerCase(Locale.ROOT);
    }

    /** A double-quoted string literal of plain text (no quotes or backslashes inside). */
    static String str(String text) {
        if (text.contains("\"") || text.contains("\\")) {
            throw new IllegalArgumentException("not a plain string: " + text);
        }
        return "\"" + text + "\"";
    }

    /** A list literal of integers: {@code [3, 8, 8]}. */
    static String intList(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Arguments of integers: {@code 2, 4}. */
    static String args(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** A comment text on one line (line breaks become spaces). */
    static String comment(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
