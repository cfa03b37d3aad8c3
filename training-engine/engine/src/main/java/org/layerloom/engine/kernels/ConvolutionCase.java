package org.layerloom.engine.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import java.util.List;
import org.layerloom.engine.compile.ChannelsLast;
import org.layerloom.engine.kernels.ReferenceKernels.ConvShape;

/**
 * A Conv2D (square kernel) or Conv1D case: input, weight and bias, through DJL's {@code conv2d} /
 * {@code conv1d}, the operations the Conv2D and Conv1D layers run; a 2-D case also with its input laid out
 * channels last, as the Conv2D layer lays it out ({@link ChannelsLast}), where oneDNN runs other kernels.
 * Immutable.
 */
record ConvolutionCase(boolean oneDimensional, ConvShape shape, boolean channelsLast) implements KernelCase {

    /** A 2-D case: batch 2, square input of {@code size}, kernel 3, padding 1. */
    static ConvolutionCase conv2d(int channels, int filters, int size, int stride) {
        return new ConvolutionCase(false, new ConvShape(2, channels, filters, size, size, 3, 3, stride, 1, 1), false);
    }

    /** {@link #conv2d} on its input laid out channels last. */
    static ConvolutionCase conv2dChannelsLast(int channels, int filters, int size, int stride) {
        return new ConvolutionCase(false, new ConvShape(2, channels, filters, size, size, 3, 3, stride, 1, 1), true);
    }

    /** A 1-D case: batch 2, {@code length} steps, kernel 3, padding 1. */
    static ConvolutionCase conv1d(int channels, int filters, int length) {
        return new ConvolutionCase(true, new ConvShape(2, channels, filters, 1, length, 1, 3, 1, 0, 1), false);
    }

    @Override
    public String name() {
        String name = String.format("%s %d→%d channels, %s, stride %d", oneDimensional ? "conv1d" : "conv2d",
                shape.channels(), shape.filters(), oneDimensional ? shape.width() + " steps"
                        : shape.height() + "×" + shape.width(), shape.stride());
        return channelsLast ? name + ", channels last" : name;
    }

    @Override
    public List<Operand> operands() {
        ConvShape s = shape;
        return oneDimensional
                ? List.of(new Operand("input", s.batch(), s.channels(), s.width()),
                        new Operand("weight", s.filters(), s.channels(), s.kernelWidth()),
                        new Operand("bias", s.filters()))
                : List.of(new Operand("input", s.batch(), s.channels(), s.height(), s.width()),
                        new Operand("weight", s.filters(), s.channels(), s.kernelHeight(), s.kernelWidth()),
                        new Operand("bias", s.filters()));
    }

    @Override
    public NDArray engine(NDList operands) {
        ConvShape s = shape;
        if (oneDimensional) {
            return Conv1d.conv1d(operands.get(0), operands.get(1), operands.get(2), new Shape(s.stride()),
                    new Shape(s.padWidth()), new Shape(1), 1).singletonOrThrow();
        }
        NDArray input = channelsLast ? ChannelsLast.of(operands.get(0)) : operands.get(0);
        return Conv2d.conv2d(input, operands.get(1), operands.get(2), new Shape(s.stride(), s.stride()),
                new Shape(s.padHeight(), s.padWidth()), new Shape(1, 1), 1).singletonOrThrow();
    }

    @Override
    public double[] reference(List<double[]> operands) {
        return ReferenceKernels.conv2d(operands.get(0), operands.get(1), operands.get(2), shape);
    }
}
