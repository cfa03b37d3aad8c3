package org.layerloom.engine.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one benchmark measured: its name and named numbers in a fixed order, e.g.
 * {@code nodes=1000 median_ms=0.9}. Whole numbers are {@link Long}, measurements {@link Double}.
 * Immutable; any thread.
 */
public record BenchmarkResult(String name, Map<String, Number> metrics) {

    public BenchmarkResult {
        Objects.requireNonNull(name, "name");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The value of one metric; throws {@link IllegalArgumentException} if there is none of that name. */
    public Number metric(String key) {
        Number value = metrics.get(key);
        if (value == null) {
            throw new IllegalArgumentException("benchmark " + name + " has no metric '" + key + "'");
        }
        return value;
    }
}
