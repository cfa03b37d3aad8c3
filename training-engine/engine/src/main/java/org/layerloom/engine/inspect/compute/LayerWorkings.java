package org.layerloom.engine.inspect.compute;

import java.util.List;
import java.util.Map;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * Makes the {@link LayerWorking} of any node from its parameters, its captured inputs (in wire order) and
 * its weights under PyTorch's {@code state_dict} names without the node id ({@code weight},
 * {@code running_var}, {@code weight_ih_l0}, {@code self_attn.in_proj_weight}…). The switch names every
 * kind, so a new kind does not compile until it has a working. Stateless; any thread.
 */
public final class LayerWorkings {

    private LayerWorkings() {
    }

    /**
     * The working of {@code node}.
     *
     * @param outputShape the node's output shape (without the batch axis), for the layers that only reshape
     * @throws IllegalArgumentException for Input and Output nodes (whose working is a {@link LossWorking},
     *                                  which needs the label) and for inputs or weights that do not fit
     */
    public static LayerWorking of(Node node, List<FloatTensor> inputs, Map<String, FloatTensor> weights,
                                  int[] outputShape) {
        Parameters p = node.params();
        String id = node.id();
        FloatTensor x = inputs.isEmpty() ? null : inputs.get(0);
        return switch (node.kind()) {
            case INPUT, OUTPUT -> throw new IllegalArgumentException(node.kind().id() + " node '" + id
                    + "' computes nothing: it passes the example in or the prediction out");
            case DENSE -> new DenseWorking(id, x, w(weights, "weight"), weights.get("bias"), activation(p));
            case CONV1D, CONV2D -> new ConvWorking(id, node.kind(), x, w(weights, "weight"), weights.get("bias"),
                    p.intValue("stride"), p.intValue("padding"), activation(p));
            case MAX_POOL2D, AVG_POOL2D -> new PoolWorking(id, node.kind(), x, p.intValue("pool"),
                    p.intValue("stride"), p.intValue("padding"));
            case GLOBAL_AVG_POOL2D -> new PoolWorking(id, node.kind(), x, 0, 1, 0);
            case FLATTEN, RESHAPE, DROPOUT -> new PassThroughWorking(id, node.kind(), x, outputShape);
            case EMBEDDING -> new EmbeddingWorking(id, x, w(weights, "weight"));
            case BATCH_NORM -> new NormWorking(id, node.kind(), x, w(weights, "weight"), w(weights, "bias"),
                    w(weights, "running_mean"), w(weights, "running_var"), p.realValue("epsilon"));
            case LAYER_NORM -> new NormWorking(id, node.kind(), x, w(weights, "weight"), w(weights, "bias"), null,
                    null, p.realValue("epsilon"));
            case SIMPLE_RNN, LSTM, GRU -> RecurrentWorking.run(id, node.kind(), x, w(weights, "weight_ih_l0"),
                    w(weights, "weight_hh_l0"), w(weights, "bias_ih_l0"), w(weights, "bias_hh_l0"),
                    p.has("nonlinearity") && "relu".equals(p.choice("nonlinearity")), p.flag("return_sequences"));
            case SELF_ATTENTION -> AttentionWorking.run(id, x, w(weights, "in_proj_weight"),
                    w(weights, "in_proj_bias"), w(weights, "out_proj.weight"), w(weights, "out_proj.bias"),
                    p.intValue("heads"));
            case TRANSFORMER_ENCODER -> EncoderWorking.run(id, x, weights, p.intValue("heads"));
            case POSITIONAL_ENCODING -> new PositionalWorking(id, x);
            case ADD -> new MergeWorking(id, node.kind(), inputs, 0);
            case CONCATENATE -> new MergeWorking(id, node.kind(), inputs, p.intValue("axis"));
            case RELU -> new ActivationWorking(id, node.kind(), new ActivationFunction("relu", 0), x);
            case LEAKY_RELU -> new ActivationWorking(id, node.kind(),
                    new ActivationFunction("leaky_relu", p.realValue("alpha")), x);
            case ELU -> new ActivationWorking(id, node.kind(), new ActivationFunction("elu", p.realValue("alpha")), x);
            case GELU -> new ActivationWorking(id, node.kind(), new ActivationFunction("gelu", 0), x);
            case SIGMOID -> new ActivationWorking(id, node.kind(), new ActivationFunction("sigmoid", 0), x);
            case TANH -> new ActivationWorking(id, node.kind(), new ActivationFunction("tanh", 0), x);
            case SOFTMAX -> new SoftmaxWorking(id, x);
        };
    }

    private static ActivationFunction activation(Parameters p) {
        return ActivationFunction.option(p.has("activation") ? p.choice("activation") : "none");
    }

    private static FloatTensor w(Map<String, FloatTensor> weights, String name) {
        return EncoderWorking.require(weights, name);
    }
}
