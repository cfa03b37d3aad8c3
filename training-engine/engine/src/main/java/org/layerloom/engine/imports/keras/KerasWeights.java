package org.layerloom.engine.imports.keras;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The weight arrays of a Keras file by layer name, each layer's in the order the file stores them. A key may
 * also be a weight's scope path ({@code sequential/dense}, {@code lstm/lstm_cell}, as TF.js names them); a layer
 * without a key of its own then gets the arrays of the scopes that name it. Immutable; any thread.
 */
record KerasWeights(Map<String, List<KerasArray>> byLayer) {

    KerasWeights {
        Map<String, List<KerasArray>> copy = new LinkedHashMap<>();
        byLayer.forEach((layer, arrays) -> copy.put(layer, List.copyOf(arrays)));
        byLayer = java.util.Collections.unmodifiableMap(copy);
    }

    /** The arrays stored for {@code layer}; empty when the file has none for it. */
    Optional<List<KerasArray>> of(String layer) {
        if (byLayer.containsKey(layer)) {
            return Optional.of(byLayer.get(layer));
        }
        List<KerasArray> scoped = new java.util.ArrayList<>();
        byLayer.forEach((scope, arrays) -> {
            if (List.of(scope.split("/")).contains(layer)) {
                scoped.addAll(arrays);
            }
        });
        return scoped.isEmpty() ? Optional.empty() : Optional.of(scoped);
    }
}
