package org.layerloom.engine.graph;

import java.util.Set;

/**
 * The Input shape that suits a network's first layer, for fixes that add an Input: an image for
 * convolutions and pools, token ids for an Embedding, a sequence for recurrent and attention layers,
 * a vector otherwise. Stateless.
 */
final class InputSuggestion {

    private static final Set<LayerKind> IMAGE_LAYERS = Set.of(LayerKind.CONV2D, LayerKind.MAX_POOL2D,
            LayerKind.AVG_POOL2D, LayerKind.GLOBAL_AVG_POOL2D, LayerKind.FLATTEN);
    private static final Set<LayerKind> SEQUENCE_LAYERS = Set.of(LayerKind.CONV1D, LayerKind.SIMPLE_RNN,
            LayerKind.LSTM, LayerKind.GRU, LayerKind.SELF_ATTENTION, LayerKind.TRANSFORMER_ENCODER,
            LayerKind.POSITIONAL_ENCODING);

    private InputSuggestion() {
    }

    static Parameters forFirstLayer(LayerKind first) {
        if (first == LayerKind.EMBEDDING) {
            return Parameters.empty().with("shape", ParamValue.Dims.of(50)).with("values", new ParamValue.Choice("token_ids"));
        }
        if (IMAGE_LAYERS.contains(first)) {
            return Parameters.empty().with("shape", ParamValue.Dims.of(1, 28, 28));
        }
        if (SEQUENCE_LAYERS.contains(first)) {
            return Parameters.empty().with("shape", ParamValue.Dims.of(50, 8));
        }
        return Parameters.empty().with("shape", ParamValue.Dims.of(784));
    }
}
