package org.layerloom.engine.compress;

/**
 * The observed range of one layer's output and its 8-bit quantization: unsigned, per tensor, affine (levels
 * 0..255, PyTorch's {@code quint8}). The scale and zero point follow PyTorch's {@code MinMaxObserver}
 * ({@code dtype=torch.quint8, qscheme=torch.per_tensor_affine}): the range is widened to include zero,
 * {@code scale = max((max − min) / 255, float32 eps)}, {@code zero_point = clamp(−round(min / scale), 0, 255)};
 * {@link #fakeQuantize} is {@code torch.fake_quantize_per_tensor_affine(x, scale, zero_point, 0, 255)}, in
 * float32 with round half to even. Immutable; any thread.
 *
 * @param min the smallest value seen (no larger than 0)
 * @param max the largest value seen (no smaller than 0)
 */
public record ActivationRange(float min, float max) {

    /** The smallest level. */
    public static final int QUANT_MIN = 0;
    /** The largest level. */
    public static final int QUANT_MAX = 255;
    private static final float EPS = Math.ulp(1.0f);

    public ActivationRange {
        min = Math.min(min, 0f);
        max = Math.max(max, 0f);
    }

    /** The range before anything was observed: just zero. */
    public static ActivationRange empty() {
        return new ActivationRange(0f, 0f);
    }

    /** This range widened to cover {@code values}. */
    public ActivationRange observe(float[] values) {
        float lo = min;
        float hi = max;
        for (float v : values) {
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        return new ActivationRange(lo, hi);
    }

    /** The size of one level. */
    public float scale() {
        return Math.max((max - min) / (float) (QUANT_MAX - QUANT_MIN), EPS);
    }

    /** The level that stands for zero. */
    public int zeroPoint() {
        int zero = QUANT_MIN - (int) Math.rint(min / scale());
        return Math.max(QUANT_MIN, Math.min(QUANT_MAX, zero));
    }

    /** {@code values} quantized to the levels and back, as a new array. */
    public float[] fakeQuantize(float[] values) {
        float scale = scale();
        int zero = zeroPoint();
        float inverse = 1.0f / scale;
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            long q = (long) (zero + (float) Math.rint(values[i] * inverse));
            q = Math.max(QUANT_MIN, Math.min(QUANT_MAX, q));
            out[i] = (q - zero) * scale;
        }
        return out;
    }
}
