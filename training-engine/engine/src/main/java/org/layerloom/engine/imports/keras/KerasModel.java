package org.layerloom.engine.imports.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What a reader found in a Keras file, before translation: the model's config ({@code class_name} and
 * {@code config}), its weights (absent for a config-only model JSON) and how it was compiled (the
 * {@code compile_config} of a {@code .keras} file or the {@code training_config} of a legacy {@code .h5};
 * absent when the model was saved uncompiled). Immutable once made; any thread.
 *
 * @param weightsByClass whether the weights are keyed by Keras 3's saving paths ({@code dense_1}, numbered per
 *                       class, see {@link Keras3WeightPaths}) instead of by the layers' names
 */
record KerasModel(JsonNode config, KerasWeights weights, JsonNode compileConfig, boolean weightsByClass) {

    KerasModel(JsonNode config, KerasWeights weights, JsonNode compileConfig) {
        this(config, weights, compileConfig, false);
    }

    /** The weights keyed by the layers' names. */
    Optional<KerasWeights> weightsOf(KerasLayerList layers) {
        return weightsIfAny().map(w -> weightsByClass ? Keras3WeightPaths.byLayerName(w, layers.layers()) : w);
    }

    Optional<KerasWeights> weightsIfAny() {
        return Optional.ofNullable(weights);
    }

    Optional<JsonNode> compileConfigIfAny() {
        return Optional.ofNullable(compileConfig).filter(node -> !node.isNull() && !node.isMissingNode());
    }
}
