package org.layerloom.engine.imports.code;

import java.util.List;
import java.util.Optional;

/**
 * What one framework layer becomes: LayerLoom layers (none for an identity), and what it says about the
 * network's input when it comes first (Keras's {@code input_shape}, PyTorch's {@code in_features}, token ids
 * for an Embedding). Immutable.
 */
record Translation(List<LayerStep> steps, Optional<List<Integer>> inputShape, boolean tokenIds) {

    Translation {
        steps = List.copyOf(steps);
    }

    static Translation of(LayerStep... steps) {
        return new Translation(List.of(steps), Optional.empty(), false);
    }

    Translation withInput(Optional<List<Integer>> shape, boolean tokens) {
        return new Translation(steps, shape.isPresent() ? shape : inputShape, tokens || tokenIds);
    }
}
