package org.layerloom.engine.compile;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import java.util.Optional;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Parameters;

/** Blocks for Conv1D, Conv2D, MaxPool2D, AvgPool2D and GlobalAvgPool2D nodes. Stateless. */
final class ConvolutionLayers {

    /** (B, T, C) ↔ (B, C, T): our sequences keep features last, DJL's Conv1d wants channels first. */
    private static final ArrayFunction SWAP_STEPS_AND_CHANNELS = new ArrayFunction("swapStepsAndChannels",
            a -> a.transpose(0, 2, 1), s -> new Shape(s.get(0), s.get(2), s.get(1)));

    private ConvolutionLayers() {
    }

    /**
     * DJL's {@code Conv2d} with a square kernel, on channels-last activations ({@link ChannelsLastConv2d}), then
     * the node's activation option.
     */
    static Block conv2d(Node node) {
        Parameters p = node.params();
        int k = p.intValue(ParamNames.KERNEL);
        int s = p.intValue(ParamNames.STRIDE);
        int pad = p.intValue(ParamNames.PADDING);
        Conv2d conv = new ChannelsLastConv2d(Conv2d.builder().setFilters(p.intValue(ParamNames.FILTERS))
                .setKernelShape(new Shape(k, k)).optStride(new Shape(s, s)).optPadding(new Shape(pad, pad))
                .optBias(p.flag(ParamNames.BIAS)));
        return CoreLayers.withActivation(node, "conv", PyTorchInit.weights(conv));
    }

    /**
     * DJL's {@code Conv1d} on a sequence kept as (B, T, C): transposed to (B, C, T) for the convolution
     * and back to (B, T', filters) after it, then the node's activation option.
     */
    static Block conv1d(Node node) {
        Parameters p = node.params();
        Conv1d conv = Conv1d.builder().setFilters(p.intValue(ParamNames.FILTERS))
                .setKernelShape(new Shape(p.intValue(ParamNames.KERNEL)))
                .optStride(new Shape(p.intValue(ParamNames.STRIDE)))
                .optPadding(new Shape(p.intValue(ParamNames.PADDING))).optBias(p.flag(ParamNames.BIAS)).build();
        Optional<ArrayFunction> activation = ActivationBlocks.optionOf(node);
        ArrayFunction after = activation.map(SWAP_STEPS_AND_CHANNELS::then).orElse(SWAP_STEPS_AND_CHANNELS);
        return new WrappedBlock(SWAP_STEPS_AND_CHANNELS, "conv", PyTorchInit.weights(conv), after);
    }

    static Block maxPool2d(Node node) {
        Window w = Window.of(node);
        return new FunctionBlock(new ArrayFunction("maxPool2d",
                a -> Pool.maxPool2d(a, w.kernel, w.stride, w.padding, false), w::outputShape));
    }

    /** Average pooling; like PyTorch's default, padded zeros count in the average. */
    static Block avgPool2d(Node node) {
        Window w = Window.of(node);
        return new FunctionBlock(new ArrayFunction("avgPool2d",
                a -> Pool.avgPool2d(a, w.kernel, w.stride, w.padding, false, true), w::outputShape));
    }

    /** (B, C, H, W) → (B, C): the mean of every map. */
    static Block globalAvgPool2d() {
        return new FunctionBlock(new ArrayFunction("globalAvgPool2d", Pool::globalAvgPool2d,
                s -> new Shape(s.get(0), s.get(1))));
    }

    /** A square pooling window: size, stride and padding. */
    private record Window(Shape kernel, Shape stride, Shape padding) {

        static Window of(Node node) {
            Parameters p = node.params();
            int k = p.intValue(ParamNames.POOL);
            int s = p.intValue(ParamNames.STRIDE);
            int pad = p.intValue(ParamNames.PADDING);
            return new Window(new Shape(k, k), new Shape(s, s), new Shape(pad, pad));
        }

        Shape outputShape(Shape in) {
            return new Shape(in.get(0), in.get(1), slide(in.get(2), 0), slide(in.get(3), 1));
        }

        private long slide(long length, int axis) {
            return Math.floorDiv(length + 2 * padding.get(axis) - kernel.get(axis), stride.get(axis)) + 1;
        }
    }
}
