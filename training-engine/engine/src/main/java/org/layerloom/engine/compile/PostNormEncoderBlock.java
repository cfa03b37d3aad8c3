package org.layerloom.engine.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One Transformer encoder layer as PyTorch's {@code nn.TransformerEncoderLayer} (post-norm, ReLU):
 * {@code z = LayerNorm(x + Dropout(SelfAttention(x)))}, {@code y = LayerNorm(z + Dropout(W₂·Dropout(ReLU(W₁·z
 * + b₁)) + b₂))} on a sequence (B, T, F); attention weights are dropped out at the same rate.
 * Parameters: 4F² + 4F (attention) + F·H + H + H·F + F (feed-forward) + 4F (two LayerNorms).
 *
 * <p>DJL's {@code TransformerEncoderBlock} is not used: it normalises with BatchNorm over the batch and
 * adds the block input (not the attention result) as the second residual. Built by the compiler; used
 * on one training worker thread.
 */
final class PostNormEncoderBlock extends AbstractBlock {

    private final float dropout;
    private final Block attention;
    private final Block attentionNorm;
    private final Block expand;
    private final Block project;
    private final Block outputNorm;

    PostNormEncoderBlock(int features, int heads, int feedForward, float dropout) {
        this.dropout = dropout;
        this.attention = addChildBlock("attention", ScaledDotProductAttentionBlock.builder()
                .setEmbeddingSize(features).setHeadCount(heads).optAttentionProbsDropoutProb(dropout).build());
        this.attentionNorm = addChildBlock("attentionNorm", LayerNorm.builder().axis(2).build());
        this.expand = addChildBlock("feedForward1", PyTorchInit.weights(Linear.builder().setUnits(feedForward).build()));
        this.project = addChildBlock("feedForward2", PyTorchInit.weights(Linear.builder().setUnits(features).build()));
        this.outputNorm = addChildBlock("outputNorm", LayerNorm.builder().axis(2).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray attended = attention.forward(ps, new NDList(x), training, params).singletonOrThrow();
        NDArray z = attentionNorm.forward(ps, new NDList(x.add(drop(attended, training))), training, params)
                .singletonOrThrow();
        NDArray hidden = Activation.relu(expand.forward(ps, new NDList(z), training, params).singletonOrThrow());
        NDArray back = project.forward(ps, new NDList(drop(hidden, training)), training, params).singletonOrThrow();
        return outputNorm.forward(ps, new NDList(z.add(drop(back, training))), training, params);
    }

    private NDArray drop(NDArray x, boolean training) {
        return training && dropout > 0 ? Dropout.dropout(x, dropout, true).singletonOrThrow() : x;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        attention.initialize(manager, dataType, in);
        attentionNorm.initialize(manager, dataType, in);
        expand.initialize(manager, dataType, in);
        project.initialize(manager, dataType, expand.getOutputShapes(new Shape[] {in}));
        outputNorm.initialize(manager, dataType, in);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public boolean isInitialized() {
        return inputShapes != null && attention.isInitialized() && attentionNorm.isInitialized()
                && expand.isInitialized() && project.isInitialized() && outputNorm.isInitialized();
    }
}
