package org.layerloom.engine.data.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Turns pictures into network input: draws any {@link BufferedImage} onto a canvas of the model's size
 * (bilinear, transparent parts on white) and reads it as floats in [0, 1], channel-first (C, H, W): one grey
 * channel (luminance) or three (red, green, blue). Headless java.awt only. Stateless; any thread.
 */
public final class Pixels {

    private Pixels() {
    }

    /** {@code image} scaled to {@code width}×{@code height}, as {@code channels} × height × width floats. */
    public static float[] toFloats(BufferedImage image, int width, int height, int channels) {
        BufferedImage canvas = image;
        if (image.getWidth() != width || image.getHeight() != height || image.getType() != BufferedImage.TYPE_INT_RGB) {
            canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = canvas.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(image, 0, 0, width, height, null);
            g.dispose();
        }
        return read(canvas, channels);
    }

    /** The pixels of an image as floats, without scaling. */
    public static float[] read(BufferedImage image, int channels) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        int plane = w * h;
        float[] out = new float[channels * plane];
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            float r = ((p >> 16) & 0xFF) / 255f;
            float gr = ((p >> 8) & 0xFF) / 255f;
            float b = (p & 0xFF) / 255f;
            if (channels == 1) {
                out[i] = 0.299f * r + 0.587f * gr + 0.114f * b;
            } else {
                out[i] = r;
                out[plane + i] = gr;
                out[2 * plane + i] = b;
            }
        }
        return out;
    }

    /** Whether the picture has colour (some pixel whose red, green and blue differ), sampling a grid. */
    public static boolean hasColour(BufferedImage image) {
        int stepX = Math.max(1, image.getWidth() / 32);
        int stepY = Math.max(1, image.getHeight() / 32);
        for (int y = 0; y < image.getHeight(); y += stepY) {
            for (int x = 0; x < image.getWidth(); x += stepX) {
                int p = image.getRGB(x, y);
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                if (Math.abs(r - g) > 8 || Math.abs(g - b) > 8) {
                    return true;
                }
            }
        }
        return false;
    }
}
