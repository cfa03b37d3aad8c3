package org.layerloom.engine.inspect;

import java.util.Arrays;
import java.util.Objects;

/**
 * The filters of a Conv2D node as small images: {@code filters} × {@code channels} kernels of
 * {@code kernelHeight} × {@code kernelWidth} weights, stored filter by filter, channel by channel, row
 * by row (DJL's (F, C, kh, kw) order), with their statistics for a shared colour scale. Immutable; any thread.
 */
public record FilterBank(String nodeId, int filters, int channels, int kernelHeight, int kernelWidth, float[] weights,
                         ArrayStats stats) {

    public FilterBank {
        Objects.requireNonNull(nodeId, "nodeId");
        weights = weights.clone();
        if ((long) filters * channels * kernelHeight * kernelWidth != weights.length) {
            throw new IllegalArgumentException("the weights do not fill " + filters + "×" + channels + "×"
                    + kernelHeight + "×" + kernelWidth);
        }
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }

    /** The kernel of {@code filter} on input {@code channel}: kh·kw weights, row by row. */
    public float[] kernel(int filter, int channel) {
        Objects.checkIndex(filter, filters);
        Objects.checkIndex(channel, channels);
        int size = kernelHeight * kernelWidth;
        int from = (filter * channels + channel) * size;
        return Arrays.copyOfRange(weights, from, from + size);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FilterBank f && nodeId.equals(f.nodeId) && filters == f.filters
                && channels == f.channels && kernelHeight == f.kernelHeight && Arrays.equals(weights, f.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeId, filters, channels, Arrays.hashCode(weights));
    }

    @Override
    public String toString() {
        return "FilterBank[" + nodeId + " " + filters + "×" + channels + "×" + kernelHeight + "×" + kernelWidth + "]";
    }
}
