package org.layerloom.engine.compress;

/**
 * One weight tensor quantized to int8, symmetric, one scale per output channel: {@code q = clamp(round(w / s),
 * −127, 127)} with {@code s = max|w| / 127} over the channel, and {@code dequantized = q · s}. Immutable in
 * use; any thread.
 *
 * @param weight      the float32 original
 * @param scales      one scale per output channel (axis 0)
 * @param levels      the int8 values, row-major like the original
 * @param dequantized {@code levels · scale}, what the quantized network computes with
 */
public record QuantizedWeight(WeightTensor weight, float[] scales, byte[] levels, float[] dequantized) {

    /** The largest {@code |w − dequantized|} over the tensor. */
    public double largestError() {
        double largest = 0;
        float[] w = weight.values();
        for (int i = 0; i < w.length; i++) {
            largest = Math.max(largest, Math.abs(w[i] - dequantized[i]));
        }
        return largest;
    }

    /** Bytes as int8: one per value and a float32 scale per channel. */
    public long int8Bytes() {
        return levels.length + 4L * scales.length;
    }

    /** The tensor with its dequantized values. */
    public WeightTensor asWeight() {
        return weight.withValues(dequantized);
    }
}
