package org.layerloom.engine.imports.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What a reader found in a Keras file, before translation: the model's config ({@code class_name} and
 * {@code config}), its weights (absent for a config-only model JSON) and how it was compiled (the
 * {@code compile_config} of a {@code .keras} file or the {@code training_config} of a legacy {@code .h5};
 * absent when the model was saved uncompiled). Immutable once made; any thread.
 */
record KerasModel(JsonNode config, KerasWeights weights, JsonNode compileConfig) {

    Optional<KerasWeights> weightsIfAny() {
        return Optional.ofNullable(weights);
    }

    Optional<JsonNode> compileConfigIfAny() {
        return Optional.ofNullable(compileConfig).filter(node -> !node.isNull() && !node.isMissingNode());
    }
}
