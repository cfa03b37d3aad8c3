package org.layerloom.engine.inspect.compute;

import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * How one layer computed its output for one example, step by step, in plain Java from the layer's saved
 * weights and its captured input: the numbers the "How this layer computes" panel fills its formula
 * with. {@link #output()} is the layer's whole output recomputed this way, which the tests compare with
 * the output the compiled network captured. Immutable; any thread.
 */
public sealed interface LayerWorking permits DenseWorking, ConvWorking, PoolWorking, ActivationWorking,
        SoftmaxWorking, NormWorking, EmbeddingWorking, RecurrentWorking, AttentionWorking, EncoderWorking,
        MergeWorking, PositionalWorking, PassThroughWorking, LossWorking {

    /** The node this working belongs to. */
    String nodeId();

    LayerKind kind();

    /** The layer's output recomputed from its input and weights (without the batch axis). */
    FloatTensor output();
}
