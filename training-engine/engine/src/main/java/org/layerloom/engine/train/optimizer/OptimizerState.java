package org.layerloom.engine.train.optimizer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A read-only copy of an optimizer's state for one element of one parameter: the number of updates of the
 * parameter so far and each state value by name (e.g. {@code m} and {@code v} for Adam, {@code b} the
 * momentum buffer, {@code s} a running sum of squares), as float32 values read back. Immutable; any thread.
 */
public record OptimizerState(long updates, Map<String, Double> values) {

    public OptimizerState {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
