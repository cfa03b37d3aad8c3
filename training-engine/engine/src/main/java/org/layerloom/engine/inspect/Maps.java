package org.layerloom.engine.inspect;

/** Plain-Java helpers for 2-D maps: normalising to [0, 1] and bilinear resizing. Stateless. */
final class Maps {

    private Maps() {
    }

    /** {@code values} scaled so that the largest is 1 (negative values become 0); all zeros stay zeros. */
    static float[] normalise(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        float[] out = new float[values.length];
        if (max > 0) {
            for (int i = 0; i < values.length; i++) {
                out[i] = Math.max(0, values[i]) / max;
            }
        }
        return out;
    }

    /**
     * Bilinear resizing of an {@code h × w} map to {@code height × width}, sampling at pixel centres
     * (PyTorch's {@code align_corners=False}).
     */
    static float[] resize(float[] map, int h, int w, int height, int width) {
        float[] out = new float[height * width];
        for (int y = 0; y < height; y++) {
            double sy = Math.min(Math.max((y + 0.5) * h / height - 0.5, 0), h - 1);
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(y0 + 1, h - 1);
            double fy = sy - y0;
            for (int x = 0; x < width; x++) {
                double sx = Math.min(Math.max((x + 0.5) * w / width - 0.5, 0), w - 1);
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(x0 + 1, w - 1);
                double fx = sx - x0;
                double top = map[y0 * w + x0] * (1 - fx) + map[y0 * w + x1] * fx;
                double bottom = map[y1 * w + x0] * (1 - fx) + map[y1 * w + x1] * fx;
                out[y * width + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return out;
    }
}
