package org.layerloom.engine.inspect.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * A convolution's computation: filter f's kernel slides over the (zero-padded) input; at each output
 * position it multiplies the patch under it by the kernel, channel by channel, sums the products, adds
 * the bias and applies the activation. A Conv2D reads (C, H, W) and writes (F, H', W'); a Conv1D reads a
 * sequence (T, C) and writes (T', F), here seen as one row of height 1. Immutable; any thread.
 *
 * @param input      the layer's input as the network holds it: (C, H, W) for Conv2D, (T, C) for Conv1D
 * @param weight     PyTorch's layout: (F, C, k, k) for Conv2D, (F, C, k) for Conv1D
 * @param bias       (F), or null without bias
 * @param stride     the step of the window
 * @param padding    the zeros added on each side (of both axes for Conv2D, of the steps for Conv1D)
 * @param activation the layer's activation option
 */
public record ConvWorking(String nodeId, LayerKind kind, FloatTensor input, FloatTensor weight, FloatTensor bias,
                          int stride, int padding, ActivationFunction activation) implements LayerWorking {

    /** The window of one input channel at one position: the padded patch, the kernel and their products. */
    public record ChannelWindow(int channel, double[][] patch, double[][] kernel, double[][] products, double sum) {
    }

    /**
     * Filter {@code filter} at output position (row, column): one window per input channel, the sum of
     * all their products, the bias, z and f(z).
     */
    public record Window(int filter, int row, int column, int top, int left, List<ChannelWindow> channels,
                         double sum, double bias, double preActivation, double output) {

        public Window {
            channels = List.copyOf(channels);
        }
    }

    public ConvWorking {
        Objects.requireNonNull(nodeId, "nodeId");
        if (kind != LayerKind.CONV2D && kind != LayerKind.CONV1D) {
            throw new IllegalArgumentException(kind + " is not a convolution");
        }
        Numbers.requireRank("the input of " + nodeId, input, kind == LayerKind.CONV2D ? 3 : 2);
        Numbers.requireRank("the weight of " + nodeId, weight, kind == LayerKind.CONV2D ? 4 : 3);
        if (weight.dim(1) != (kind == LayerKind.CONV2D ? input.dim(0) : input.dim(1))) {
            throw new IllegalArgumentException(nodeId + " has kernels for " + weight.dim(1) + " channels, but its"
                    + " input has another number");
        }
        if (stride < 1 || padding < 0) {
            throw new IllegalArgumentException(nodeId + ": stride " + stride + " and padding " + padding);
        }
    }

    public int filters() {
        return weight.dim(0);
    }

    public int channels() {
        return weight.dim(1);
    }

    public int kernelHeight() {
        return kind == LayerKind.CONV2D ? weight.dim(2) : 1;
    }

    public int kernelWidth() {
        return weight.dim(weight.rank() - 1);
    }

    public int inputHeight() {
        return kind == LayerKind.CONV2D ? input.dim(1) : 1;
    }

    public int inputWidth() {
        return kind == LayerKind.CONV2D ? input.dim(2) : input.dim(0);
    }

    private int padTop() {
        return kind == LayerKind.CONV2D ? padding : 0;
    }

    public int outputHeight() {
        return (inputHeight() + 2 * padTop() - kernelHeight()) / stride + 1;
    }

    public int outputWidth() {
        return (inputWidth() + 2 * padding - kernelWidth()) / stride + 1;
    }

    /** Input channel c at (row, column), counted without padding; 0 in the padding. */
    public double inputAt(int c, int row, int column) {
        if (row < 0 || column < 0 || row >= inputHeight() || column >= inputWidth()) {
            return 0;
        }
        return kind == LayerKind.CONV2D ? input.value((c * inputHeight() + row) * inputWidth() + column)
                : input.value(column * channels() + c);
    }

    private double kernelAt(int f, int c, int i, int j) {
        return weight.value(((f * channels() + c) * kernelHeight() + i) * kernelWidth() + j);
    }

    /** The window of filter {@code filter} that makes output position (row, column). */
    public Window window(int filter, int row, int column) {
        Objects.checkIndex(filter, filters());
        Objects.checkIndex(row, outputHeight());
        Objects.checkIndex(column, outputWidth());
        int kh = kernelHeight();
        int kw = kernelWidth();
        int top = row * stride - padTop();
        int left = column * stride - padding;
        List<ChannelWindow> parts = new ArrayList<>(channels());
        double total = 0;
        for (int c = 0; c < channels(); c++) {
            double[][] patch = new double[kh][kw];
            double[][] kernel = new double[kh][kw];
            double[][] products = new double[kh][kw];
            double sum = 0;
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    patch[i][j] = inputAt(c, top + i, left + j);
                    kernel[i][j] = kernelAt(filter, c, i, j);
                    products[i][j] = patch[i][j] * kernel[i][j];
                    sum += products[i][j];
                }
            }
            parts.add(new ChannelWindow(c, patch, kernel, products, sum));
            total += sum;
        }
        double b = bias == null ? 0 : bias.value(filter);
        double z = total + b;
        return new Window(filter, row, column, top, left, parts, total, b, z, activation.apply(z));
    }

    @Override
    public FloatTensor output() {
        int h = outputHeight();
        int w = outputWidth();
        int f = filters();
        double[] out = new double[f * h * w];
        for (int k = 0; k < f; k++) {
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    double value = window(k, r, c).output();
                    out[kind == LayerKind.CONV2D ? (k * h + r) * w + c : c * f + k] = value;
                }
            }
        }
        return Numbers.tensor(kind == LayerKind.CONV2D ? new int[] {f, h, w} : new int[] {w, f}, out);
    }
}
