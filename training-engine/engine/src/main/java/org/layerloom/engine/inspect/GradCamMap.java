package org.layerloom.engine.inspect;

import java.util.Arrays;

/**
 * A Grad-CAM map for one example: where in the image the chosen convolution node's features pushed the
 * class score up. {@code coarse} is ReLU(Σ_c w_c·A_c) at the node's resolution (w_c the spatial mean of
 * d(score)/dA_c), {@code heatmap} the same resized bilinearly to the input's height × width; both are
 * normalised to [0, 1] (all zeros when nothing pushes the score up). Immutable; any thread.
 */
public record GradCamMap(String nodeId, int classIndex, int mapHeight, int mapWidth, float[] coarse, int height,
                         int width, float[] heatmap) {

    public GradCamMap {
        coarse = coarse.clone();
        heatmap = heatmap.clone();
        if (coarse.length != mapHeight * mapWidth || heatmap.length != height * width) {
            throw new IllegalArgumentException("map sizes do not match their dimensions");
        }
    }

    @Override
    public float[] coarse() {
        return coarse.clone();
    }

    @Override
    public float[] heatmap() {
        return heatmap.clone();
    }

    /** The (row, column) of the hottest input pixel. */
    public int[] peak() {
        int arg = TopK.argmax(heatmap, 0, heatmap.length);
        return new int[] {arg / width, arg % width};
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GradCamMap g && nodeId.equals(g.nodeId) && classIndex == g.classIndex
                && Arrays.equals(coarse, g.coarse) && Arrays.equals(heatmap, g.heatmap);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(heatmap) + classIndex;
    }

    @Override
    public String toString() {
        return "GradCamMap[" + nodeId + ", class " + classIndex + ", " + mapHeight + "×" + mapWidth + " → " + height
                + "×" + width + "]";
    }
}
