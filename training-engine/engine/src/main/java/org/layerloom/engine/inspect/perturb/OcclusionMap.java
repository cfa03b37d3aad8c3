package org.layerloom.engine.inspect.perturb;

import java.util.Arrays;

/**
 * What hiding each part of an image does to the explained class: per pixel, the mean drop in the class's
 * probability over the patch positions that covered it ({@code drop}, height × width, negative where hiding
 * helps the class), the same scaled to [0, 1] with rises cut to 0 ({@code heatmap}), the probability of the
 * unhidden image, and the patch whose hiding lowered the probability most (top-left row and column, its
 * drop). Immutable; any thread.
 *
 * @param copies the number of occluded copies the network evaluated
 */
public record OcclusionMap(int classIndex, double probability, int patch, int stride, int height, int width,
                           float[] drop, float[] heatmap, int peakRow, int peakColumn, double peakDrop, int copies) {

    public OcclusionMap {
        drop = drop.clone();
        heatmap = heatmap.clone();
        if (drop.length != height * width || heatmap.length != drop.length) {
            throw new IllegalArgumentException("the map is not " + height + "×" + width);
        }
    }

    @Override
    public float[] drop() {
        return drop.clone();
    }

    @Override
    public float[] heatmap() {
        return heatmap.clone();
    }

    /** Whether pixel (row, column) lies in the most sensitive patch. */
    public boolean inPeak(int row, int column) {
        return row >= peakRow && row < peakRow + patch && column >= peakColumn && column < peakColumn + patch;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OcclusionMap o && classIndex == o.classIndex && patch == o.patch
                && stride == o.stride && Arrays.equals(drop, o.drop);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(drop) + classIndex;
    }

    @Override
    public String toString() {
        return "OcclusionMap[class " + classIndex + ", patch " + patch + ", stride " + stride + ", peak (" + peakRow
                + ", " + peakColumn + ") drop " + peakDrop + "]";
    }
}
