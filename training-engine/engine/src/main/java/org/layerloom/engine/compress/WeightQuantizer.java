package org.layerloom.engine.compress;

/**
 * Post-training int8 quantization of weights, symmetric and per output channel, with the exact arithmetic
 * of PyTorch's {@code torch.fake_quantize_per_channel_affine(w, scale, zero_point=0, axis=0, quant_min=-127,
 * quant_max=127)}: {@code inv = 1f / scale}, {@code q = rint(w · inv)} (round half to even, in float32),
 * clamped to −127..127, then {@code q · scale}. The scale of a channel is {@code max|w| / 127} in float32;
 * a channel of zeros gets the scale 1 (its values stay zero). The range is the restricted −127..127, so that
 * {@code −w} quantizes to {@code −q}. Also rounds to float16 and back. Pure computation; any thread.
 */
public final class WeightQuantizer {

    /** The largest int8 level used. */
    public static final int LEVELS = 127;

    private WeightQuantizer() {
    }

    /** The per-channel int8 quantization of {@code weight}. */
    public static QuantizedWeight int8(WeightTensor weight) {
        int channels = weight.channels();
        int per = weight.channelSize();
        float[] w = weight.values();
        float[] scales = new float[channels];
        byte[] levels = new byte[w.length];
        float[] dequantized = new float[w.length];
        for (int c = 0; c < channels; c++) {
            float largest = 0f;
            for (int i = c * per; i < (c + 1) * per; i++) {
                largest = Math.max(largest, Math.abs(w[i]));
            }
            float scale = largest > 0f ? largest / LEVELS : 1f;
            scales[c] = scale;
            float inverse = 1.0f / scale;
            for (int i = c * per; i < (c + 1) * per; i++) {
                float q = (float) Math.rint(w[i] * inverse);
                q = Math.max(-LEVELS, Math.min(LEVELS, q));
                levels[i] = (byte) q;
                dequantized[i] = q * scale;
            }
        }
        return new QuantizedWeight(weight, scales, levels, dequantized);
    }

    /**
     * The int8 levels and scales behind {@code dequantized}, a tensor that {@link #int8} made (as an int8 variant
     * run keeps it, in float32): per output channel the scale {@code s} for which every value is exactly
     * {@code q · s} in float32 with a whole {@code q} in −127..127. The largest value stands for level 127, so
     * {@code s} is its 127th or a float32 step beside that.
     *
     * @return the levels and scales, with {@code dequantized} standing in for the float32 original (which is not
     *         kept); empty when the values are not such levels (the tensor was not quantized, or was changed since)
     */
    public static java.util.Optional<QuantizedWeight> recover(WeightTensor dequantized) {
        int channels = dequantized.channels();
        int per = dequantized.channelSize();
        float[] w = dequantized.values();
        float[] scales = new float[channels];
        byte[] levels = new byte[w.length];
        for (int c = 0; c < channels; c++) {
            float largest = 0f;
            for (int i = c * per; i < (c + 1) * per; i++) {
                largest = Math.max(largest, Math.abs(w[i]));
            }
            float guess = largest > 0f ? largest / LEVELS : 1f;
            float[] candidates = {guess, Math.nextUp(guess), Math.nextDown(guess), Math.nextUp(Math.nextUp(guess)),
                Math.nextDown(Math.nextDown(guess))};
            boolean found = false;
            for (int k = 0; k < candidates.length && !found; k++) {
                found = levelsOf(w, c * per, per, candidates[k], levels);
                scales[c] = candidates[k];
            }
            if (!found) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(new QuantizedWeight(dequantized, scales, levels, w.clone()));
    }

    /** Fills {@code levels} for one channel when every value there is exactly a level times {@code scale}. */
    private static boolean levelsOf(float[] w, int from, int count, float scale, byte[] levels) {
        for (int i = from; i < from + count; i++) {
            float q = (float) Math.rint(w[i] / scale);
            if (Math.abs(q) > LEVELS || q * scale != w[i]) {
                return false;
            }
            levels[i] = (byte) q;
        }
        return true;
    }

    /** {@code values} rounded to IEEE half precision (to nearest, ties to even) and back to float32. */
    public static float[] float16(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Half.round(values[i]);
        }
        return out;
    }
}
