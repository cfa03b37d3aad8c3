package org.layerloom.engine.export.support;

import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;

/**
 * What the DJL (Java) export can express: every layer kind (DJL's own blocks where they compute what
 * LayerLoom's engine computes, generated classes where they differ), as long as the node's id can name a Java
 * field and variable. The generated {@code Network.java} names each layer's field and each layer's result after
 * the node id, so the id must be a Java name that is not a keyword and not one of the names the generated
 * methods use themselves. Stateless; any thread.
 */
final class DjlSupport implements NodeSupport {

    /** Names the generated {@code Network} methods use for their own variables. */
    private static final Set<String> GENERATED_NAMES = Set.of("store", "manager", "weights", "training", "seen", "layer",
            "result");
    /** Types the generated classes name, which a variable of the same name would hide. */
    private static final Set<String> GENERATED_TYPES = Set.of("Network", "Weights", "Main", "IdEmbedding",
            "PositionalEncoding", "PostNormEncoder", "NDArray", "NDArrays", "NDList", "NDManager", "DataType", "Shape",
            "Activation", "Block", "Conv1d", "Conv2d", "Linear", "BatchNorm", "Dropout", "LayerNorm", "Pool", "GRU",
            "LSTM", "RNN", "ScaledDotProductAttentionBlock", "ParameterStore", "Math", "String", "System", "Float");

    @Override
    public Optional<String> refusal(Node node, NodeReport report) {
        String id = node.id();
        String fix = " Give the layer an id of letters, digits and _ that starts with a letter, such as \"layer1\","
                + " in the project file.";
        if (!SourceVersion.isIdentifier(id) || id.contains("$")) {
            return Optional.of("its id \"" + id + "\" is not a Java name, and the exported Network.java names the"
                    + " layer and its result by its id." + fix);
        }
        if (SourceVersion.isKeyword(id) || GENERATED_NAMES.contains(id) || GENERATED_TYPES.contains(id)) {
            return Optional.of("its id \"" + id + "\" is a word Java or the exported Network.java already uses."
                    + fix);
        }
        return Optional.empty();
    }
}
