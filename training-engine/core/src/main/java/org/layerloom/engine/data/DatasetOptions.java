package org.layerloom.engine.data;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The options of a dataset choice (strings, numbers or booleans by name, as saved in the project), read with
 * defaults and checked with student-readable messages. Numbers may also be given as text ("500").
 * Immutable; any thread.
 */
public final class DatasetOptions {

    private final SortedMap<String, Object> values;

    private DatasetOptions(SortedMap<String, Object> values) {
        this.values = values;
    }

    public static DatasetOptions of(Map<String, ?> values) {
        return new DatasetOptions(Collections.unmodifiableSortedMap(new TreeMap<>(values)));
    }

    public static DatasetOptions empty() {
        return of(Map.of());
    }

    public DatasetOptions with(String key, Object value) {
        TreeMap<String, Object> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new DatasetOptions(Collections.unmodifiableSortedMap(copy));
    }

    public SortedMap<String, Object> asMap() {
        return values;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Fails if an option is not one of {@code known}, to catch typos such as "sample" for "samples". */
    public void requireKnown(String datasetName, Collection<String> known) throws DatasetException {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new DatasetException("The dataset " + datasetName + " has no option '" + key
                        + "'. Its options are: " + String.join(", ", new TreeSet<>(known)) + ".");
            }
        }
    }

    /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
    public int integer(String key, int fallback, int min, int max) throws DatasetException {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        Double number = asNumber(value);
        if (number == null || number != Math.rint(number) || number < min || number > max) {
            throw new DatasetException(String.format(Locale.ROOT,
                    "The dataset option '%s' must be a whole number from %,d to %,d, but it is %s.",
                    key, min, max, quoted(value)));
        }
        return number.intValue();
    }

    /** A number in {@code [min, max]}, or {@code fallback} when absent. */
    public double number(String key, double fallback, double min, double max) throws DatasetException {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        Double number = asNumber(value);
        if (number == null || !(number >= min && number <= max)) {
            throw new DatasetException(String.format(Locale.ROOT,
                    "The dataset option '%s' must be a number from %s to %s, but it is %s.",
                    key, plain(min), plain(max), quoted(value)));
        }
        return number;
    }

    /** true or false (also as text), or {@code fallback} when absent. */
    public boolean flag(String key, boolean fallback) throws DatasetException {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new DatasetException("The dataset option '" + key + "' must be true or false, but it is "
                + quoted(value) + ".");
    }

    /** The option as text, if present and not blank. */
    public Optional<String> text(String key) {
        Object value = values.get(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
    }

    /** One of {@code allowed} (ignoring case), or {@code fallback} when absent. */
    public String choice(String key, String fallback, Collection<String> allowed) throws DatasetException {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return fallback;
        }
        String wanted = text.get().trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(wanted)) {
            throw new DatasetException("The dataset option '" + key + "' must be one of "
                    + String.join(", ", allowed) + ", but it is " + quoted(text.get()) + ".");
        }
        return wanted;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DatasetOptions o && values.equals(o.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    private static Double asNumber(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String quoted(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
