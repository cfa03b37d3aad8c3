package org.layerloom.engine.project;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which dataset a project trains on ({@code source}, e.g. "mnist", "spirals", "csv") and its options
 * (e.g. "path", "noise", "samples"). Option values are strings, numbers or booleans, kept in a stable
 * order. The data module interprets them. Immutable; any thread.
 */
public record DatasetChoice(String source, SortedMap<String, Object> options) {

    /** The source of a project that has no dataset yet (an imported model), as project files write it. */
    public static final String NO_DATASET = "none";

    public DatasetChoice {
        java.util.Objects.requireNonNull(source, "source");
        TreeMap<String, Object> copy = new TreeMap<>();
        for (Map.Entry<String, Object> e : options.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                throw new IllegalArgumentException("dataset option '" + e.getKey()
                        + "' must be a string, number or boolean, not " + v);
            }
            copy.put(e.getKey(), v);
        }
        options = Collections.unmodifiableSortedMap(copy);
    }

    public static DatasetChoice of(String source) {
        return new DatasetChoice(source, new TreeMap<>());
    }

    public DatasetChoice with(String key, Object value) {
        TreeMap<String, Object> copy = new TreeMap<>(options);
        copy.put(key, value);
        return new DatasetChoice(source, copy);
    }
}
