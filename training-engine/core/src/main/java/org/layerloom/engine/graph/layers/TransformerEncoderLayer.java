package org.layerloom.engine.graph.layers;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.Explanation;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.PortSpec;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;

/**
 * One Transformer encoder block (post-norm), as PyTorch's {@code nn.TransformerEncoderLayer}:
 * self-attention and a two-layer feed-forward network, each with a residual connection and LayerNorm.
 */
final class TransformerEncoderLayer extends LayerType {

    static final String FEED_FORWARD = "feed_forward";
    static final String DROPOUT = "dropout";

    TransformerEncoderLayer() {
        super(LayerKind.TRANSFORMER_ENCODER, "Transformer encoder", Category.ATTENTION,
                "Self-attention plus a feed-forward network, with residuals and LayerNorm.",
                new Explanation("A Transformer encoder block lets every step attend to all others (multi-head"
                        + " self-attention), adds the result back to its input and normalises it, then passes every"
                        + " step through a small two-layer network, again with a residual connection and LayerNorm."
                        + " Stacking blocks gives models like BERT.",
                        "z = LayerNorm(x + MultiHeadAttention(x));  y = LayerNorm(z + W₂·ReLU(W₁·z + b₁) + b₂)"),
                List.of(PortSpec.single()), true, List.of(AttentionParams.HEADS_SPEC,
                        ParamSpec.integer(FEED_FORWARD, "Feed-forward size", 128, 1, 16_384,
                                "Neurons in the hidden layer of the feed-forward network, often 2 to 4 times the"
                                        + " feature size."),
                        CommonParams.dropout(DROPOUT, 0.1, "Dropout inside the block while training.")));
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        return AttentionParams.evenHeads(ctx);
    }

    @Override
    public long parameterCount(List<TensorShape> inputs, Parameters params) {
        long f = inputs.get(0).last();
        long h = params.intValue(FEED_FORWARD);
        long attention = AttentionParams.attentionParameters(f);
        long feedForward = f * h + h + h * f + f;
        long norms = 4 * f;
        return attention + feedForward + norms;
    }
}
