package org.layerloom.engine.compile;

import java.util.function.Supplier;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.kernels.RecurrentOneDnn;

/**
 * How a node's forward pass reaches the kernels the kernel guard chose: convolutions and recurrences run
 * through {@link RecurrentOneDnn}, which may give a recurrence that records gradients oneDNN and keeps every
 * other one off it; the other layers do not use kernels the guard switches. Stateless.
 */
enum KernelRoute {
    PLAIN,
    CONVOLUTION,
    RECURRENT;

    static KernelRoute of(LayerKind kind) {
        return switch (kind) {
            case CONV1D, CONV2D -> CONVOLUTION;
            case LSTM, GRU, SIMPLE_RNN -> RECURRENT;
            default -> PLAIN;
        };
    }

    <T> T run(Supplier<T> forward) {
        return switch (this) {
            case PLAIN -> forward.get();
            case CONVOLUTION -> RecurrentOneDnn.nativeKernels(forward);
            case RECURRENT -> RecurrentOneDnn.recurrent(forward);
        };
    }
}
