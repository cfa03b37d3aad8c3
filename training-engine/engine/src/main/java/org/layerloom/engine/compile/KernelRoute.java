package org.layerloom.engine.compile;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.kernels.RecurrentOneDnn;

/**
 * How a node's forward pass reaches the kernels the kernel guard chose, through {@link RecurrentOneDnn}: an
 * LSTM may run on oneDNN while it records gradients; convolutions, GRUs and SimpleRNNs run on the chosen
 * kernels and never inside another thread's oneDNN window (libtorch 2.7.1 has oneDNN kernels for the LSTM
 * only among the recurrences: a GRU trained no faster in the window); other layers use no kernels the guard
 * switches. Stateless.
 */
enum KernelRoute {
    PLAIN,
    CHOSEN_KERNELS,
    /** As {@link #CHOSEN_KERNELS}; a network's convolutions are also checked for whole oneDNN batches. */
    CONVOLUTION,
    ONEDNN_WHILE_TRAINING;

    static KernelRoute of(LayerKind kind) {
        return switch (kind) {
            case LSTM -> ONEDNN_WHILE_TRAINING;
            case CONV1D, CONV2D -> CONVOLUTION;
            case GRU, SIMPLE_RNN -> CHOSEN_KERNELS;
            default -> PLAIN;
        };
    }

    /** {@code block}'s forward pass by this route (a plain node's without a lambda, on every batch). */
    NDList forward(Block block, ParameterStore parameterStore, NDList inputs, boolean training,
                   PairList<String, Object> params) {
        return switch (this) {
            case PLAIN -> block.forward(parameterStore, inputs, training, params);
            case CHOSEN_KERNELS, CONVOLUTION -> RecurrentOneDnn.nativeKernels(
                    () -> block.forward(parameterStore, inputs, training, params));
            case ONEDNN_WHILE_TRAINING -> RecurrentOneDnn.recurrent(
                    () -> block.forward(parameterStore, inputs, training, params));
        };
    }
}
