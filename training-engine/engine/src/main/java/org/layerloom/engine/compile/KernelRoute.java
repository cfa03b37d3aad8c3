package org.layerloom.engine.compile;

import java.util.function.Supplier;
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
    ONEDNN_WHILE_TRAINING;

    static KernelRoute of(LayerKind kind) {
        return switch (kind) {
            case LSTM -> ONEDNN_WHILE_TRAINING;
            case CONV1D, CONV2D, GRU, SIMPLE_RNN -> CHOSEN_KERNELS;
            default -> PLAIN;
        };
    }

    <T> T run(Supplier<T> forward) {
        return switch (this) {
            case PLAIN -> forward.get();
            case CHOSEN_KERNELS -> RecurrentOneDnn.nativeKernels(forward);
            case ONEDNN_WHILE_TRAINING -> RecurrentOneDnn.recurrent(forward);
        };
    }
}
