package org.layerloom.app.inspect;

/**
 * The student's settings of the perturbation explanations: the occlusion patch's side and stride in pixels,
 * and LIME's number of masked copies and superpixel side (grid cells of that many pixels). Immutable; any
 * thread.
 */
public record PerturbSettings(int patch, int stride, int samples, int superpixel) {

    /** Settings that suit a 28 × 28 digit: 169 occluded copies and 49 superpixels. */
    public static final PerturbSettings DEFAULT = new PerturbSettings(4, 2, 500, 4);

    public PerturbSettings {
        if (patch < 1 || stride < 1 || stride > patch || samples < 2 || superpixel < 1) {
            throw new IllegalArgumentException("patch ≥ 1, 1 ≤ stride ≤ patch, samples ≥ 2 and superpixel ≥ 1 expected");
        }
    }

    public PerturbSettings withPatch(int side) {
        return new PerturbSettings(side, Math.min(stride, side), samples, superpixel);
    }

    public PerturbSettings withStride(int step) {
        return new PerturbSettings(Math.max(patch, step), step, samples, superpixel);
    }

    public PerturbSettings withSamples(int count) {
        return new PerturbSettings(patch, stride, count, superpixel);
    }

    public PerturbSettings withSuperpixel(int side) {
        return new PerturbSettings(patch, stride, samples, side);
    }
}
