package org.layerloom.engine.inspect.health;

import org.layerloom.engine.tensor.FloatTensor;
import org.layerloom.engine.train.event.NodeActivation;

/**
 * Shrinks one example's activation to a preview for the graph by average pooling: feature maps (C, H, W)
 * to at most 8 maps of at most 14 × 14, sequences (T, F) to at most 16 × 16, vectors to at most 64 values.
 * Stateless; any thread.
 */
public final class Thumbnails {

    static final int MAPS = 8;
    static final int MAP_SIDE = 14;
    static final int SEQUENCE_SIDE = 16;
    static final int VECTOR = 64;

    private Thumbnails() {
    }

    /** The preview of {@code values} (one example, shape {@code shape}). */
    public static NodeActivation of(String nodeId, int[] shape, float[] values) {
        int[] outShape;
        float[] out;
        if (shape.length == 3) {
            int c = Math.min(shape[0], MAPS);
            int h = Math.min(shape[1], MAP_SIDE);
            int w = Math.min(shape[2], MAP_SIDE);
            out = new float[c * h * w];
            int area = shape[1] * shape[2];
            for (int k = 0; k < c; k++) {
                float[] pooled = pool(values, k * area, shape[1], shape[2], h, w);
                System.arraycopy(pooled, 0, out, k * h * w, h * w);
            }
            outShape = new int[] {c, h, w};
        } else if (shape.length == 2) {
            int h = Math.min(shape[0], SEQUENCE_SIDE);
            int w = Math.min(shape[1], SEQUENCE_SIDE);
            out = pool(values, 0, shape[0], shape[1], h, w);
            outShape = new int[] {h, w};
        } else {
            int n = Math.min(values.length, VECTOR);
            out = pool(values, 0, 1, values.length, 1, n);
            outShape = new int[] {n};
        }
        return new NodeActivation(nodeId, new FloatTensor(outShape, out));
    }

    /** Average pooling of an h × w map at {@code offset} to {@code oh × ow} (each cell averages its source block). */
    static float[] pool(float[] values, int offset, int h, int w, int oh, int ow) {
        float[] out = new float[oh * ow];
        for (int y = 0; y < oh; y++) {
            int y0 = y * h / oh;
            int y1 = Math.max(y0 + 1, (y + 1) * h / oh);
            for (int x = 0; x < ow; x++) {
                int x0 = x * w / ow;
                int x1 = Math.max(x0 + 1, (x + 1) * w / ow);
                double sum = 0;
                for (int yy = y0; yy < y1; yy++) {
                    for (int xx = x0; xx < x1; xx++) {
                        sum += values[offset + yy * w + xx];
                    }
                }
                out[y * ow + x] = (float) (sum / ((y1 - y0) * (x1 - x0)));
            }
        }
        return out;
    }
}
