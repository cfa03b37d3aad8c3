package org.layerloom.engine.imports.keras;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The weight arrays of a Keras file by layer name, each layer's in the order the file stores them. Immutable;
 * any thread.
 */
record KerasWeights(Map<String, List<KerasArray>> byLayer) {

    KerasWeights {
        Map<String, List<KerasArray>> copy = new LinkedHashMap<>();
        byLayer.forEach((layer, arrays) -> copy.put(layer, List.copyOf(arrays)));
        byLayer = java.util.Collections.unmodifiableMap(copy);
    }

    /** The arrays stored for {@code layer}; empty when the file has none for it. */
    Optional<List<KerasArray>> of(String layer) {
        return Optional.ofNullable(byLayer.get(layer));
    }
}
