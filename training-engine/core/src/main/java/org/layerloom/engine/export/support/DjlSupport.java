package org.layerloom.engine.export.support;

import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;

/**
 * What the DJL (Java) export can express so far. The generated {@code Network.java} names each layer's field
 * and each layer's result after the node id, so the id must be a Java name that is not a keyword and not one
 * of the names the generated methods use themselves. Dense, Flatten, Reshape, Dropout, the convolutions, the
 * pooling layers, the activation layers, Add and Concatenate are written with DJL's own blocks and operators (the engine's tests compare the compiled
 * project's output with LayerLoom's); the other kinds are refused with a pointer to the PyTorch and ONNX
 * targets, which express them. Stateless; any thread.
 */
final class DjlSupport implements NodeSupport {

    /** Names the generated {@code Network} methods use for their own variables. */
    private static final Set<String> GENERATED_NAMES = Set.of("store", "manager", "weights", "training");

    @Override
    public Optional<String> refusal(Node node, NodeReport report) {
        String id = node.id();
        String fix = " Give the layer an id of letters, digits and _ that starts with a letter, such as \"layer1\","
                + " in the project file.";
        if (!SourceVersion.isIdentifier(id) || id.contains("$")) {
            return Optional.of("its id \"" + id + "\" is not a Java name, and the exported Network.java names the"
                    + " layer and its result by its id." + fix);
        }
        if (SourceVersion.isKeyword(id) || GENERATED_NAMES.contains(id)) {
            return Optional.of("its id \"" + id + "\" is a word Java or the exported Network.java already uses."
                    + fix);
        }
        String notYet = " Export to PyTorch or ONNX instead, which express every layer.";
        return switch (node.kind()) {
            case INPUT, OUTPUT, DENSE, FLATTEN, RESHAPE, DROPOUT, CONV1D, CONV2D, MAX_POOL2D, AVG_POOL2D,
                    GLOBAL_AVG_POOL2D, ADD, CONCATENATE, RELU, LEAKY_RELU, ELU, GELU, SIGMOID, TANH, SOFTMAX ->
                    Optional.empty();
            case EMBEDDING, POSITIONAL_ENCODING, TRANSFORMER_ENCODER, SELF_ATTENTION ->
                    Optional.of("the DJL export does not yet write LayerLoom's own token-id and attention blocks,"
                            + " which differ from DJL's." + notYet);
            case BATCH_NORM, LAYER_NORM ->
                    Optional.of("the DJL export does not yet write normalisation layers." + notYet);
            case SIMPLE_RNN, LSTM, GRU ->
                    Optional.of("the DJL export does not yet write recurrent layers." + notYet);
        };
    }
}
