package org.layerloom.engine.export.support;

import java.util.Optional;
import java.util.Set;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;

/**
 * What the ONNX export (opset 17) can express. Every layer kind has an exact twin built from opset-17 operators
 * (the engine's ONNX tests compare every node's output with ONNX Runtime). What can stop a node is its id: the
 * model names each node's output after it, and also has a value called {@code input} and one called
 * {@code probabilities}, and names a node's inner steps {@code id/step}; an id that is one of those names or
 * holds a {@code /} would name two values alike. Ids written by LayerLoom ("dense1") always pass. Stateless;
 * any thread.
 */
final class OnnxNodeSupport implements NodeSupport {

    /** The model's own value names, besides the nodes' outputs. */
    private static final Set<String> MODEL_NAMES = Set.of("input", "probabilities");

    @Override
    public Optional<String> refusal(Node node, NodeReport report) {
        String id = node.id();
        if (MODEL_NAMES.contains(id) || id.contains("/") || id.isBlank()) {
            return Optional.of("its id \"" + id + "\" is a name the exported model gives to another value. Give the"
                    + " layer another id, such as \"layer1\", in the project file.");
        }
        return switch (node.kind()) {
            case INPUT, OUTPUT, DENSE, FLATTEN, RESHAPE, DROPOUT, EMBEDDING, CONV1D, CONV2D, MAX_POOL2D, AVG_POOL2D,
                    GLOBAL_AVG_POOL2D, BATCH_NORM, LAYER_NORM, SIMPLE_RNN, LSTM, GRU, SELF_ATTENTION,
                    TRANSFORMER_ENCODER, POSITIONAL_ENCODING, ADD, CONCATENATE, RELU, LEAKY_RELU, ELU, GELU, SIGMOID,
                    TANH, SOFTMAX -> Optional.empty();
        };
    }
}
