package org.layerloom.engine.graph.layers;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.Explanation;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.PortSpec;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;

/**
 * Multi-head self-attention over a sequence (T, F); parameters as PyTorch's
 * {@code nn.MultiheadAttention(F, heads)}: {@code 4·F² + 4·F}.
 */
final class SelfAttentionLayer extends LayerType {

    static final String DROPOUT = "dropout";

    SelfAttentionLayer() {
        super(LayerKind.SELF_ATTENTION, "Self-attention", Category.ATTENTION,
                "Every step looks at every other step and takes what is relevant.",
                new Explanation("In self-attention every step of the sequence asks a question (query Q), every step"
                        + " offers a key K and a value V. A step takes a mix of all values, weighted by how well its"
                        + " query matches each key. Several heads do this side by side with their own weights.",
                        "Attention(Q, K, V) = softmax(Q·Kᵀ / √d)·V,  Q = X·W_Q, K = X·W_K, V = X·W_V (per head)"),
                List.of(PortSpec.single()), true, List.of(AttentionParams.HEADS_SPEC,
                        CommonParams.dropout(DROPOUT, 0.0, "Dropout on the attention weights while training.")));
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        return AttentionParams.evenHeads(ctx);
    }

    @Override
    public long parameterCount(List<TensorShape> inputs, Parameters params) {
        return AttentionParams.attentionParameters(inputs.get(0).last());
    }
}
