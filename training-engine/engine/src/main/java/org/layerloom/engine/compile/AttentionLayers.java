package org.layerloom.engine.compile;

import ai.djl.nn.Block;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;

/** Blocks for MultiHeadSelfAttention, TransformerEncoder and PositionalEncoding nodes. Stateless. */
final class AttentionLayers {

    private AttentionLayers() {
    }

    /**
     * DJL's {@code ScaledDotProductAttentionBlock} used as self-attention: Q, K, V and output projections
     * of F·F + F each (4F² + 4F, as PyTorch's {@code nn.MultiheadAttention}), heads of F / heads features,
     * softmax(QKᵀ/√d)·V with dropout on the attention weights.
     */
    static Block selfAttention(Node node, NodeReport report) {
        return ScaledDotProductAttentionBlock.builder().setEmbeddingSize(features(report))
                .setHeadCount(node.params().intValue(ParamNames.HEADS))
                .optAttentionProbsDropoutProb((float) node.params().realValue(ParamNames.DROPOUT)).build();
    }

    static Block transformerEncoder(Node node, NodeReport report) {
        return new PostNormEncoderBlock(features(report), node.params().intValue(ParamNames.HEADS),
                node.params().intValue(ParamNames.FEED_FORWARD), (float) node.params().realValue(ParamNames.DROPOUT));
    }

    static Block positionalEncoding() {
        return new PositionalEncodingBlock();
    }

    private static int features(NodeReport report) {
        return report.inputs().get(0).last();
    }
}
