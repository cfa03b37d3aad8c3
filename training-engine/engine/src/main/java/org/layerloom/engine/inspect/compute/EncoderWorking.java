package org.layerloom.engine.inspect.compute;

import java.util.Map;
import java.util.Objects;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * A Transformer encoder block (post-norm, as PyTorch's {@code nn.TransformerEncoderLayer} at inference):
 * the self-attention A, the residual and first normalisation z = LayerNorm₁(x + A), the feed-forward
 * F = W₂·ReLU(W₁·z + b₁) + b₂, and y = LayerNorm₂(z + F). Each step is kept as its own working, so the
 * panel can show the attention per head and both normalisations. Immutable; any thread.
 *
 * @param attention    the block's self-attention on its input
 * @param firstNorm    LayerNorm₁ of x + A
 * @param feedForward1 W₁·z + b₁ followed by ReLU
 * @param feedForward2 W₂·… + b₂
 * @param secondNorm   LayerNorm₂ of z + F, the block's output
 */
public record EncoderWorking(String nodeId, FloatTensor input, AttentionWorking attention, NormWorking firstNorm,
                             DenseWorking feedForward1, DenseWorking feedForward2, NormWorking secondNorm)
        implements LayerWorking {

    /** ε of both LayerNorms (PyTorch's and DJL's default). */
    public static final double EPSILON = 1e-5;

    public EncoderWorking {
        Objects.requireNonNull(nodeId, "nodeId");
    }

    /**
     * Runs the block on {@code input} (T, F) with PyTorch's {@code state_dict} entries of the node (names
     * without the node id: {@code self_attn.in_proj_weight}, {@code linear1.weight}, {@code norm1.weight}…).
     */
    public static EncoderWorking run(String nodeId, FloatTensor input, Map<String, FloatTensor> weights, int heads) {
        AttentionWorking attention = AttentionWorking.run(nodeId, input, require(weights, "self_attn.in_proj_weight"),
                require(weights, "self_attn.in_proj_bias"), require(weights, "self_attn.out_proj.weight"),
                require(weights, "self_attn.out_proj.bias"), heads);
        NormWorking first = new NormWorking(nodeId, LayerKind.LAYER_NORM, sum(input, attention.output()),
                require(weights, "norm1.weight"), require(weights, "norm1.bias"), null, null, EPSILON);
        FloatTensor z = first.output();
        DenseWorking expand = new DenseWorking(nodeId, z, require(weights, "linear1.weight"),
                require(weights, "linear1.bias"), ActivationFunction.option("relu"));
        DenseWorking project = new DenseWorking(nodeId, expand.output(), require(weights, "linear2.weight"),
                require(weights, "linear2.bias"), ActivationFunction.option("none"));
        NormWorking second = new NormWorking(nodeId, LayerKind.LAYER_NORM, sum(z, project.output()),
                require(weights, "norm2.weight"), require(weights, "norm2.bias"), null, null, EPSILON);
        return new EncoderWorking(nodeId, input, attention, first, expand, project, second);
    }

    static FloatTensor require(Map<String, FloatTensor> weights, String name) {
        FloatTensor t = weights.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no weights '" + name + "'; there are " + weights.keySet());
        }
        return t;
    }

    private static FloatTensor sum(FloatTensor a, FloatTensor b) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (double) a.value(i) + b.value(i);
        }
        return Numbers.tensor(a.shape(), out);
    }

    @Override
    public LayerKind kind() {
        return LayerKind.TRANSFORMER_ENCODER;
    }

    @Override
    public FloatTensor output() {
        return secondNorm.output();
    }
}
