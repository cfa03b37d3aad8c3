package org.layerloom.engine.imports.keras;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds each layer's weights in a Keras 3 {@code model.weights.h5}. Keras 3 does not store them under the
 * layer's name: it names each layer of the model's list by its class in snake case, numbered within the
 * class in the list's order ({@code layers/dense}, {@code layers/dense_1}, {@code layers/batch_normalization},
 * …; {@code saving_lib._save_container_state}), so that the names do not depend on auto-generated layer names.
 * Stateless; any thread.
 */
final class Keras3WeightPaths {

    private Keras3WeightPaths() {
    }

    /** The weights of {@code byPath} (keyed by the h5 group names) keyed by the config's layer names. */
    static KerasWeights byLayerName(KerasWeights byPath, List<KerasLayer> layers) {
        Map<String, Integer> used = new HashMap<>();
        Map<String, List<KerasArray>> byName = new LinkedHashMap<>();
        for (KerasLayer layer : layers) {
            String base = snakeCase(layer.className());
            int count = used.merge(base, 1, Integer::sum) - 1;
            String path = count == 0 ? base : base + "_" + count;
            byPath.of(path).ifPresent(arrays -> byName.put(layer.name(), arrays));
        }
        return new KerasWeights(byName);
    }

    /** Keras's {@code naming.to_snake_case}: {@code BatchNormalization} → {@code batch_normalization}. */
    static String snakeCase(String className) {
        String name = className.replaceAll("\\W+", "");
        name = name.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
