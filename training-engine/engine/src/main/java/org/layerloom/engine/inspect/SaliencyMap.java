package org.layerloom.engine.inspect;

import java.util.Arrays;

/**
 * Why the network chose a class, per input value: the gradient of the class score with respect to the
 * input (its shape is the example shape), and a heatmap of its magnitude for an overlay, normalised to
 * [0, 1] (for (C, H, W) inputs the largest |gradient| over the channels, H × W; for a 784-value vector
 * 28 × 28; otherwise the input's own two or one dimensions). Immutable; any thread.
 */
public record SaliencyMap(int classIndex, int[] shape, float[] gradient, int heatHeight, int heatWidth,
                          float[] heatmap) {

    public SaliencyMap {
        shape = shape.clone();
        gradient = gradient.clone();
        heatmap = heatmap.clone();
        if (heatHeight * heatWidth != heatmap.length) {
            throw new IllegalArgumentException("the heatmap is not " + heatHeight + "×" + heatWidth);
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public float[] gradient() {
        return gradient.clone();
    }

    @Override
    public float[] heatmap() {
        return heatmap.clone();
    }

    /** A map of {@code gradient} (one example, shape {@code shape}) for class {@code classIndex}. */
    static SaliencyMap of(int classIndex, int[] shape, float[] gradient) {
        int height;
        int width;
        float[] heat;
        if (shape.length == 3) {
            height = shape[1];
            width = shape[2];
            heat = new float[height * width];
            for (int c = 0; c < shape[0]; c++) {
                for (int i = 0; i < heat.length; i++) {
                    heat[i] = Math.max(heat[i], Math.abs(gradient[c * heat.length + i]));
                }
            }
        } else {
            int side = (int) Math.round(Math.sqrt(gradient.length));
            boolean square = shape.length == 1 && side * side == gradient.length && side > 1;
            height = shape.length == 2 ? shape[0] : square ? side : 1;
            width = gradient.length / height;
            heat = new float[gradient.length];
            for (int i = 0; i < heat.length; i++) {
                heat[i] = Math.abs(gradient[i]);
            }
        }
        return new SaliencyMap(classIndex, shape, gradient, height, width, Maps.normalise(heat));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SaliencyMap s && classIndex == s.classIndex && Arrays.equals(shape, s.shape)
                && Arrays.equals(gradient, s.gradient);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(gradient) + classIndex;
    }

    @Override
    public String toString() {
        return "SaliencyMap[class " + classIndex + ", " + heatHeight + "×" + heatWidth + "]";
    }
}
