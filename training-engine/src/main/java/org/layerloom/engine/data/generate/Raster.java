package org.layerloom.engine.data.generate;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.layerloom.engine.data.image.Pixels;

/**
 * A small headless canvas for the generated pictures: clears to a background, hands out an anti-aliased
 * {@link Graphics2D}, then reads the picture as (C, H, W) floats with Gaussian noise added and clipped to
 * [0, 1]. One per generating thread.
 */
final class Raster {

    private final BufferedImage image;
    private final int channels;

    Raster(int size, int channels) {
        this.image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        this.channels = channels;
    }

    Graphics2D begin(Color background) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(background);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    /** Copies the picture into {@code dest} at {@code offset}, adding noise of standard deviation {@code noise}. */
    void readInto(float[] dest, int offset, double noise, Random random) {
        float[] pixels = Pixels.read(image, channels);
        for (int i = 0; i < pixels.length; i++) {
            double v = pixels[i] + (noise > 0 ? noise * random.nextGaussian() : 0);
            dest[offset + i] = (float) Math.min(1, Math.max(0, v));
        }
    }

    int size() {
        return image.getWidth();
    }
}
