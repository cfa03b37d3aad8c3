package org.layerloom.app.data;

import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Dataset options as a student edits them: one {@code name = value} a line. Values that read as whole
 * numbers become integers, decimal numbers doubles, {@code true}/{@code false} booleans, anything else a
 * string (quotes optional). Blank lines and lines starting with {@code #} are skipped. Stateless; any thread.
 */
public final class DatasetOptionsText {

    private DatasetOptionsText() {
    }

    /** Parses {@code text}; a line without "=" or without a name fails with a message naming the line. */
    public static SortedMap<String, Object> parse(String text) {
        SortedMap<String, Object> options = new TreeMap<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Line " + (i + 1) + " of the options ('" + line + "') needs the form"
                        + " name = value, for example noise = 0.1.");
            }
            options.put(line.substring(0, eq).strip(), value(line.substring(eq + 1).strip()));
        }
        return options;
    }

    /** The options as text, one {@code name = value} a line, in name order. */
    public static String format(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(options).forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        return text.toString();
    }

    private static Object value(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return Boolean.valueOf(lower);
        }
        if (raw.matches("[-+]?\\d{1,9}")) {
            return Integer.valueOf(raw);
        }
        if (raw.matches("[-+]?\\d{10,18}")) {
            return Long.valueOf(raw);
        }
        if (raw.matches("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?")) {
            return Double.valueOf(raw);
        }
        if (raw.length() >= 2 && (raw.startsWith("\"") && raw.endsWith("\"") || raw.startsWith("'") && raw.endsWith("'"))) {
            return raw.substring(1, raw.length() - 1);
        }
        return raw;
    }
}
