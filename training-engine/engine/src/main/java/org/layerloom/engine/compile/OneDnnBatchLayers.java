package org.layerloom.engine.compile;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Node;

/**
 * The layers a training batch may run with oneDNN switched on ({@code OneDnnBatch}) without oneDNN computing anything
 * that no check covered. With oneDNN on, libtorch 2.7.1 hands float32 CPU convolutions and LSTMs to oneDNN (the
 * convolutions are checked per network by {@link ConvolutionKernelCheck}, the training LSTM by the kernel
 * self-test) and also GELU (oneDNN's {@code eltwise_gelu_erf}, forward and backward), which nothing checks. Seen
 * with {@code ONEDNN_VERBOSE=1} on the AMD EPYC of family 26: batch and layer norm, max, average and global
 * pooling, matrix products (2-D and batched), dropout, ReLU, leaky ReLU, ELU, sigmoid, tanh, softmax and
 * log-softmax, addition and concatenation ran on libtorch's own kernels on contiguous and channels-last inputs.
 * Attention, the Transformer encoder and positional encoding were not looked at, nor GRU and SimpleRNN, so they
 * are left out too. Stateless.
 */
final class OneDnnBatchLayers {

    private static final Set<LayerKind> ALLOWED = EnumSet.of(LayerKind.INPUT, LayerKind.OUTPUT, LayerKind.DENSE,
            LayerKind.FLATTEN, LayerKind.RESHAPE, LayerKind.DROPOUT, LayerKind.EMBEDDING, LayerKind.CONV1D,
            LayerKind.CONV2D, LayerKind.MAX_POOL2D, LayerKind.AVG_POOL2D, LayerKind.GLOBAL_AVG_POOL2D,
            LayerKind.BATCH_NORM, LayerKind.LAYER_NORM, LayerKind.LSTM, LayerKind.ADD, LayerKind.CONCATENATE,
            LayerKind.RELU, LayerKind.LEAKY_RELU, LayerKind.ELU, LayerKind.SIGMOID, LayerKind.TANH, LayerKind.SOFTMAX);

    private OneDnnBatchLayers() {
    }

    /** Why {@code node} keeps its network's batches off oneDNN, or empty when it does not. */
    static Optional<String> excludes(Node node) {
        if (!ALLOWED.contains(node.kind())) {
            return Optional.of(node.id() + " is a " + node.kind().id() + " layer, which oneDNN would compute unchecked");
        }
        if (node.params().has(ParamNames.ACTIVATION) && "gelu".equals(node.params().choice(ParamNames.ACTIVATION))) {
            return Optional.of(node.id() + " applies GELU, which oneDNN would compute unchecked");
        }
        return Optional.empty();
    }
}
