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
    private final Graphics2D g;
    private final java.awt.geom.AffineTransform identity;

    Raster(int size, int channels) {
        this.image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        this.channels = channels;
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        this.identity = g.getTransform();
    }

    /** The canvas cleared to {@code background}, with no transform; the same graphics each time (do not dispose). */
    Graphics2D begin(Color background) {
        g.setTransform(identity);
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
