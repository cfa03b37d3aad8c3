package org.layerloom.editor.view;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * Paints a node's activation preview (a {@link FloatTensor} of shape (C, H, W), (T, F) or (F), see
 * {@code ActivationsCaptured}) into a small image, one pixel per value: feature maps side by side in rows
 * of {@value #MAPS_PER_ROW} with a one-pixel gap, a sequence as a time × feature heatmap, a vector as a
 * one-pixel-high strip (the view stretches it). Values of one sign use the sequential ramp from the preview's
 * min to max, values of both signs the diverging one centred on zero. Reuses the image when its size fits.
 * JavaFX thread only (images are drawn on it).
 */
final class PreviewPainter {

    static final int MAPS_PER_ROW = 4;
    private static final int GAP_ARGB = 0x00000000;

    private PreviewPainter() {
    }

    /** The image's size in pixels, {width, height}. */
    static int[] size(FloatTensor preview) {
        if (preview.rank() == 3) {
            int c = preview.dim(0);
            int cols = Math.min(c, MAPS_PER_ROW);
            int rows = (c + MAPS_PER_ROW - 1) / MAPS_PER_ROW;
            return new int[] {cols * (preview.dim(2) + 1) - 1, rows * (preview.dim(1) + 1) - 1};
        }
        if (preview.rank() == 2) {
            return new int[] {preview.dim(1), preview.dim(0)};
        }
        return new int[] {preview.dim(0), 1};
    }

    /** The ARGB pixels of the preview, row by row. */
    static int[] pixels(FloatTensor preview) {
        int[] size = size(preview);
        int width = size[0];
        int[] out = new int[Math.max(1, width * size[1])];
        java.util.Arrays.fill(out, GAP_ARGB);
        double min = preview.min();
        double max = preview.max();
        boolean diverging = min < 0 && max > 0;
        double span = diverging ? Math.max(-min, max) : max - min;
        if (preview.rank() == 3) {
            int c = preview.dim(0);
            int h = preview.dim(1);
            int w = preview.dim(2);
            for (int k = 0; k < c; k++) {
                int ox = (k % MAPS_PER_ROW) * (w + 1);
                int oy = (k / MAPS_PER_ROW) * (h + 1);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        out[(oy + y) * width + ox + x] = colour(preview.value((k * h + y) * w + x), min, span,
                                diverging);
                    }
                }
            }
        } else {
            int n = preview.rank() == 2 ? preview.dim(0) * preview.dim(1) : preview.dim(0);
            for (int i = 0; i < n; i++) {
                out[i] = colour(preview.value(i), min, span, diverging);
            }
        }
        return out;
    }

    private static int colour(float v, double min, double span, boolean diverging) {
        if (span <= 0) {
            return HealthColours.activation(diverging ? 0.5 : 0, diverging);
        }
        double t = diverging ? 0.5 + 0.5 * v / span : (v - min) / span;
        return HealthColours.activation(t, diverging);
    }

    /**
     * Paints the preview {@code scale} times enlarged (each value a scale × scale block) into {@code reuse}
     * when it has the right size, else into a new image.
     */
    static WritableImage paint(FloatTensor preview, int scale, WritableImage reuse) {
        int[] size = size(preview);
        int w = size[0];
        int h = size[1];
        int[] small = pixels(preview);
        int bw = w * scale;
        int bh = h * scale;
        int[] big = new int[bw * bh];
        for (int y = 0; y < bh; y++) {
            int row = (y / scale) * w;
            for (int x = 0; x < bw; x++) {
                big[y * bw + x] = small[row + x / scale];
            }
        }
        WritableImage image = reuse != null && (int) reuse.getWidth() == bw && (int) reuse.getHeight() == bh
                ? reuse : new WritableImage(bw, bh);
        image.getPixelWriter().setPixels(0, 0, bw, bh, PixelFormat.getIntArgbInstance(), big, 0, bw);
        return image;
    }
}
