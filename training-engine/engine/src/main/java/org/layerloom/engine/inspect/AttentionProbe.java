package org.layerloom.engine.inspect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import java.util.Optional;

/**
 * Recomputes the attention weights of a self-attention node from its input and the block's own query
 * and key projections, softmax(QKᵀ/√d) per head exactly as DJL's {@code ScaledDotProductAttentionBlock}
 * computes them (without dropout), so the compiled blocks need no hook. Stateless; the model's thread.
 */
final class AttentionProbe {

    private AttentionProbe() {
    }

    /** The weights of {@code nodeId} for the first example of {@code input} (B, T, E), if it has attention. */
    static Optional<AttentionWeights> weights(InspectedModel model, String nodeId, NDArray input) {
        Optional<ScaledDotProductAttentionBlock> found = model.block().nodeBlock(nodeId).flatMap(AttentionProbe::find);
        if (found.isEmpty() || !model.node(nodeId).params().has("heads")) {
            return Optional.empty();
        }
        ScaledDotProductAttentionBlock attention = found.get();
        int heads = model.node(nodeId).params().intValue("heads");
        NDArray x = input.get(0).expandDims(0);
        long steps = x.getShape().get(1);
        long features = x.getShape().get(2);
        long size = features / heads;
        NDArray q = attention.getQueryProjection().forward(model.store(), new NDList(x), false).head()
                .reshape(1, steps, heads, size).transpose(0, 2, 1, 3);
        NDArray k = attention.getKeyProjection().forward(model.store(), new NDList(x), false).head()
                .reshape(1, steps, heads, size).transpose(0, 2, 1, 3);
        NDArray probabilities = q.matMul(k.transpose(0, 1, 3, 2)).mul((float) (1 / Math.sqrt(size))).softmax(3);
        return Optional.of(new AttentionWeights(nodeId, heads, (int) steps, (int) steps,
                InspectedModel.floats(probabilities)));
    }

    private static Optional<ScaledDotProductAttentionBlock> find(Block block) {
        if (block instanceof ScaledDotProductAttentionBlock attention) {
            return Optional.of(attention);
        }
        for (Block child : block.getChildren().values()) {
            Optional<ScaledDotProductAttentionBlock> found = find(child);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
