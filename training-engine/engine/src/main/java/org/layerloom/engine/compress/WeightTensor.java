package org.layerloom.engine.compress;

import java.util.Arrays;

/**
 * One parameter of a network as plain numbers, under its PyTorch {@code state_dict} name and in PyTorch's
 * layout (output channels along axis 0), for pruning and quantization. Holds its own copy of the values.
 * Immutable in use: callers must not change {@link #values()}; any thread.
 *
 * @param name   the PyTorch name, such as {@code conv2d1.weight}
 * @param shape  PyTorch's shape
 * @param values the values in row-major order
 */
public record WeightTensor(String name, long[] shape, float[] values) {

    public WeightTensor {
        shape = shape.clone();
        long size = 1;
        for (long d : shape) {
            size *= d;
        }
        if (size != values.length) {
            throw new IllegalArgumentException(name + " has " + values.length + " values, not the " + size
                    + " its shape " + Arrays.toString(shape) + " holds");
        }
    }

    /** The node this parameter belongs to: its name up to the first dot. */
    public String layer() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /**
     * Whether pruning and int8 quantization apply: a weight matrix or kernel (a name whose last part
     * contains "weight", with at least two axes). Biases, normalisation scales and running statistics do
     * not qualify; they stay float32.
     */
    public boolean isCompressible() {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return shape.length >= 2 && last.contains("weight");
    }

    /** The number of output channels (axis 0). */
    public int channels() {
        return (int) shape[0];
    }

    /** Values per output channel. */
    public int channelSize() {
        return values.length / Math.max(1, channels());
    }

    /** The number of values that are not zero. */
    public long nonZero() {
        long count = 0;
        for (float v : values) {
            if (v != 0f) {
                count++;
            }
        }
        return count;
    }

    /** This parameter with other values of the same shape. */
    public WeightTensor withValues(float[] newValues) {
        return new WeightTensor(name, shape, newValues);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeightTensor t && name.equals(t.name) && Arrays.equals(shape, t.shape)
                && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "WeightTensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
