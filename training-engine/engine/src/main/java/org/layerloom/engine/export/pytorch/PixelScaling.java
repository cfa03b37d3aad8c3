package org.layerloom.engine.export.pytorch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.FeatureBlock;
import org.layerloom.engine.data.MnistVariant;
import org.layerloom.engine.data.RealFeatures;

/**
 * How LayerLoom turned 8-bit pixels into the floats it trains on: {@code float((b / 255.0 - mean) / std)},
 * computed in double then rounded to float32 ({@code MnistSource}'s arithmetic; with mean 0 and std 1 it gives
 * for all 256 bytes the same floats as the float32 {@code b / 255f} of {@code Pixels} and {@code Cifar10Source}).
 * {@link #of(Dataset)} says which scaling, if any, gives back every feature of a dataset bit for bit, so that the
 * export can store the bytes instead of the floats; {@code train.py} turns them back with the same arithmetic.
 * Immutable; any thread.
 *
 * @param mean subtracted after the division by 255 (0 when not normalised)
 * @param std  divided by after the subtraction (1 when not normalised)
 */
record PixelScaling(double mean, double std) {

    /** Pixels scaled to [0, 1], not normalised. */
    static final PixelScaling PLAIN = new PixelScaling(0, 1);

    /** The scalings LayerLoom's image sources apply: plain, and MNIST's and Fashion-MNIST's "normalize". */
    static List<PixelScaling> candidates() {
        List<PixelScaling> all = new ArrayList<>(List.of(PLAIN));
        for (MnistVariant variant : MnistVariant.values()) {
            all.add(new PixelScaling(variant.mean(), variant.std()));
        }
        return all;
    }

    /** The float LayerLoom makes of byte {@code b} (0..255). */
    float value(int b) {
        return (float) ((b / 255.0 - mean) / std);
    }

    /**
     * The scaling that gives back every feature of every split of {@code dataset} exactly (the same float bits),
     * or empty when the dataset is not made of images (C, H, W) or some value is no scaled byte (grey made of
     * colour, resized or augmented pictures, normalised tables).
     */
    static Optional<PixelScaling> of(Dataset dataset) {
        if (dataset.exampleShape().rank() != 3 || dataset.exampleShape().isTokenIds()) {
            return Optional.empty();
        }
        for (PixelScaling scaling : candidates()) {
            if (scaling.covers(dataset)) {
                return Optional.of(scaling);
            }
        }
        return Optional.empty();
    }

    private boolean covers(Dataset dataset) {
        float[] table = table();
        for (Examples part : List.of(dataset.train(), dataset.validation(), dataset.test())) {
            FeatureBlock block = part.features();
            if (!(block instanceof RealFeatures real)) {
                return false;
            }
            java.nio.FloatBuffer values = real.buffer();
            while (values.hasRemaining()) {
                if (byteOf(values.get(), table) < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The bytes of {@code features}, each of which must be a scaled byte ({@link #of} said so). */
    byte[] bytes(RealFeatures features) {
        float[] table = table();
        byte[] out = new byte[features.length()];
        java.nio.FloatBuffer values = features.buffer();
        for (int i = 0; i < out.length; i++) {
            int b = byteOf(values.get(), table);
            if (b < 0) {
                throw new IllegalArgumentException("value " + features.get(i) + " at " + i + " is no scaled byte");
            }
            out[i] = (byte) b;
        }
        return out;
    }

    /** The 256 floats of the bytes 0..255. */
    float[] table() {
        float[] table = new float[256];
        for (int b = 0; b < 256; b++) {
            table[b] = value(b);
        }
        return table;
    }

    /** The byte whose float has exactly the bits of {@code v}, or -1: the nearest byte, checked. */
    private int byteOf(float v, float[] table) {
        double guess = ((double) v * std + mean) * 255.0;
        if (!(guess > -0.5 && guess < 255.5)) {
            return -1;
        }
        int b = (int) Math.round(guess);
        return Float.floatToRawIntBits(table[b]) == Float.floatToRawIntBits(v) ? b : -1;
    }
}
