package org.layerloom.engine.inspect.perturb;

import java.util.ArrayList;
import java.util.List;

/**
 * Occlusion sensitivity: slides a square patch of one fill value (the dataset's mean, or grey) over an
 * image in steps of the stride, evaluates every occluded copy through the network in batches, and maps how
 * much the explained class's probability drops. It asks "what happens if this part is hidden?", with no
 * gradient. Usage: {@code new Occlusion(ClassProbe.of(inspector, c), geometry).map(pixels, c, 4, 2, 0f)}.
 *
 * <p>Thread: that of its {@link ClassProbe}.
 */
public final class Occlusion {

    /** Copies handed to the probe at once: a few MB for MNIST, so memory stays flat for large images. */
    static final int BATCH = 256;

    private final ClassProbe probe;
    private final ImageGeometry geometry;

    public Occlusion(ClassProbe probe, ImageGeometry geometry) {
        this.probe = probe;
        this.geometry = geometry;
    }

    /**
     * The occlusion map of {@code example} for the class the probe explains ({@code classIndex} is only
     * recorded in the map).
     *
     * @param patch  the side of the square patch in pixels, 1 to the image's smaller side
     * @param stride the step between patch positions, 1 to {@code patch}
     * @param fill   the value written into every channel of the hidden pixels
     */
    public OcclusionMap map(float[] example, int classIndex, int patch, int stride, float fill) {
        int height = geometry.height();
        int width = geometry.width();
        if (example.length != geometry.size()) {
            throw new IllegalArgumentException("the example has " + example.length + " values, the image "
                    + geometry.size());
        }
        if (patch < 1 || patch > Math.min(height, width)) {
            throw new IllegalArgumentException("the patch must be 1 to " + Math.min(height, width) + " pixels wide");
        }
        if (stride < 1 || stride > patch) {
            throw new IllegalArgumentException("the stride must be 1 to the patch size (" + patch + ")");
        }
        int[] rows = positions(height, patch, stride);
        int[] columns = positions(width, patch, stride);
        List<int[]> places = new ArrayList<>();
        for (int r : rows) {
            for (int c : columns) {
                places.add(new int[] {r, c});
            }
        }
        double base = probe.probabilities(new float[][] {example})[0];
        float[] drops = new float[places.size()];
        for (int from = 0; from < places.size(); from += BATCH) {
            int count = Math.min(BATCH, places.size() - from);
            float[][] copies = new float[count][];
            for (int i = 0; i < count; i++) {
                copies[i] = occluded(example, places.get(from + i), patch, fill);
            }
            float[] p = probe.probabilities(copies);
            for (int i = 0; i < count; i++) {
                drops[from + i] = (float) (base - p[i]);
            }
        }
        double[] sum = new double[height * width];
        int[] covered = new int[height * width];
        int peak = 0;
        for (int i = 0; i < places.size(); i++) {
            int[] place = places.get(i);
            for (int y = place[0]; y < place[0] + patch; y++) {
                for (int x = place[1]; x < place[1] + patch; x++) {
                    sum[y * width + x] += drops[i];
                    covered[y * width + x]++;
                }
            }
            peak = drops[i] > drops[peak] ? i : peak;
        }
        float[] drop = new float[sum.length];
        float max = 0;
        for (int i = 0; i < drop.length; i++) {
            drop[i] = covered[i] == 0 ? 0 : (float) (sum[i] / covered[i]);
            max = Math.max(max, drop[i]);
        }
        float[] heat = new float[drop.length];
        for (int i = 0; i < heat.length && max > 0; i++) {
            heat[i] = Math.max(0, drop[i]) / max;
        }
        return new OcclusionMap(classIndex, base, patch, stride, height, width, drop, heat, places.get(peak)[0],
                places.get(peak)[1], drops[peak], places.size());
    }

    /** Patch starts 0, stride, 2·stride … with the last one flush with the far edge, so every pixel is covered. */
    static int[] positions(int length, int patch, int stride) {
        List<Integer> starts = new ArrayList<>();
        for (int s = 0; s + patch <= length; s += stride) {
            starts.add(s);
        }
        if (starts.get(starts.size() - 1) + patch < length) {
            starts.add(length - patch);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private float[] occluded(float[] example, int[] place, int patch, float fill) {
        float[] copy = example.clone();
        int pixels = geometry.pixels();
        for (int ch = 0; ch < geometry.channels(); ch++) {
            for (int y = place[0]; y < place[0] + patch; y++) {
                int row = ch * pixels + y * geometry.width();
                java.util.Arrays.fill(copy, row + place[1], row + place[1] + patch, fill);
            }
        }
        return copy;
    }
}
