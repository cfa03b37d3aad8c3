package org.layerloom.engine.data.image;

import java.util.Random;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;

/**
 * Random changes to training images that keep their class, so that the network sees more variety: mirror left
 * to right ("augment-flip"), shift by up to n pixels ("augment-shift"), rotate by up to d degrees
 * ("augment-rotate"), add Gaussian noise ("augment-noise", its standard deviation). Each is optional; all off
 * by default. Applied to the training split only, from a seed. Immutable; any thread.
 */
public record Augmentation(boolean flip, int shift, double rotateDegrees, double noise, int copies) {

    public static final java.util.List<String> OPTIONS = java.util.List.of("augment-flip", "augment-shift",
            "augment-rotate", "augment-noise", "augment-copies");

    public static Augmentation none() {
        return new Augmentation(false, 0, 0, 0, 0);
    }

    public static Augmentation of(DatasetOptions options) throws DatasetException {
        boolean flip = options.flag("augment-flip", false);
        int shift = options.integer("augment-shift", 0, 0, 16);
        double rotate = options.number("augment-rotate", 0, 0, 180);
        double noise = options.number("augment-noise", 0, 0, 1);
        boolean any = flip || shift > 0 || rotate > 0 || noise > 0;
        int copies = options.integer("augment-copies", any ? 1 : 0, 0, 10);
        return new Augmentation(flip, shift, rotate, noise, any ? copies : 0);
    }

    public boolean isActive() {
        return copies > 0;
    }

    /** One randomly changed copy of a (C, H, W) image; the input is not changed. */
    public float[] apply(float[] image, int channels, int height, int width, Random random) {
        boolean mirror = flip && random.nextBoolean();
        int dx = shift == 0 ? 0 : random.nextInt(2 * shift + 1) - shift;
        int dy = shift == 0 ? 0 : random.nextInt(2 * shift + 1) - shift;
        double angle = Math.toRadians(rotateDegrees * (2 * random.nextDouble() - 1));
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        int plane = width * height;
        float[] out = new float[image.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double tx = x - dx - cx;
                double ty = y - dy - cy;
                double sx = cos * tx + sin * ty + cx;
                double sy = -sin * tx + cos * ty + cy;
                if (mirror) {
                    sx = width - 1 - sx;
                }
                int ix = (int) Math.round(sx);
                int iy = (int) Math.round(sy);
                for (int c = 0; c < channels; c++) {
                    float v = ix >= 0 && iy >= 0 && ix < width && iy < height ? image[c * plane + iy * width + ix]
                            : edge(image, c * plane, width, height);
                    if (noise > 0) {
                        v = (float) Math.min(1, Math.max(0, v + noise * random.nextGaussian()));
                    }
                    out[c * plane + y * width + x] = v;
                }
            }
        }
        return out;
    }

    /** The value shifted-in pixels take: the top-left pixel, usually the background. */
    private static float edge(float[] image, int offset, int width, int height) {
        return image[offset];
    }
}
