package org.layerloom.app.inspect;

/**
 * The student's settings of the perturbation explanations: the occlusion patch's side and stride in pixels,
 * and LIME's number of masked copies and its superpixels for images: square grid cells of {@code superpixel}
 * pixels, or about {@code regions} SLIC regions that follow the image's edges. Immutable; any thread.
 */
public record PerturbSettings(int patch, int stride, int samples, Superpixels superpixels, int superpixel,
                              int regions) {

    /** How LIME cuts an image into the parts it hides. */
    public enum Superpixels {
        /** Square cells of a fixed side. */
        GRID("Grid"),
        /** SLIC regions: neighbouring pixels of similar value grouped together. */
        SLIC("SLIC regions");

        private final String label;

        Superpixels(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Settings that suit a 28 × 28 digit: 169 occluded copies and 49 superpixels (grid) or about 49 regions. */
    public static final PerturbSettings DEFAULT = new PerturbSettings(4, 2, 500, Superpixels.GRID, 4, 49);

    public PerturbSettings {
        if (patch < 1 || stride < 1 || stride > patch || samples < 2 || superpixel < 1 || regions < 1
                || superpixels == null) {
            throw new IllegalArgumentException("patch ≥ 1, 1 ≤ stride ≤ patch, samples ≥ 2, superpixel ≥ 1,"
                    + " regions ≥ 1 and a kind of superpixel expected");
        }
    }

    public PerturbSettings withPatch(int side) {
        return new PerturbSettings(side, Math.min(stride, side), samples, superpixels, superpixel, regions);
    }

    public PerturbSettings withStride(int step) {
        return new PerturbSettings(Math.max(patch, step), step, samples, superpixels, superpixel, regions);
    }

    public PerturbSettings withSamples(int count) {
        return new PerturbSettings(patch, stride, count, superpixels, superpixel, regions);
    }

    public PerturbSettings withSuperpixels(Superpixels kind) {
        return new PerturbSettings(patch, stride, samples, kind, superpixel, regions);
    }

    /** The side of a grid cell in pixels. */
    public PerturbSettings withSuperpixel(int side) {
        return new PerturbSettings(patch, stride, samples, superpixels, side, regions);
    }

    /** The number of SLIC regions asked for. */
    public PerturbSettings withRegions(int count) {
        return new PerturbSettings(patch, stride, samples, superpixels, superpixel, count);
    }
}
