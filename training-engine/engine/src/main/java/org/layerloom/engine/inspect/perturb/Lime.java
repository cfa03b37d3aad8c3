package org.layerloom.engine.inspect.perturb;

import java.util.Random;

/**
 * LIME (Ribeiro et al., 2016): explains one prediction by a simple model of the network's answers near
 * it. It draws N random masks over the example's features (the first keeps everything; each other hides a
 * uniformly drawn number of features, chosen at random), evaluates the masked copies through the network in
 * batches, weights each by an exponential kernel exp(−D²/0.25²) on its cosine distance D to the full
 * example (the square root of that, as the LIME library does), and fits a weighted ridge line from "which
 * features are present" to the class probability. The same seed gives the same explanation.
 * Usage: {@code new Lime(ClassProbe.of(inspector, c)).explain(pixels, features, c, 500, 1)}.
 *
 * <p>Thread: that of its {@link ClassProbe}.
 */
public final class Lime {

    /** The kernel width on the cosine distance, LIME's choice for images and text. */
    static final double KERNEL_WIDTH = 0.25;
    /** A small penalty that keeps the fit defined when a feature is always present or absent. */
    static final double RIDGE = 0.01;

    private final ClassProbe probe;

    public Lime(ClassProbe probe) {
        this.probe = probe;
    }

    /**
     * The LIME explanation of {@code example} for the class the probe explains ({@code classIndex} is only
     * recorded).
     *
     * @param samples the number of masked copies, at least 2
     * @param seed    the seed of the masks
     */
    public LimeExplanation explain(float[] example, LimeFeatures features, int classIndex, int samples, long seed) {
        if (samples < 2) {
            throw new IllegalArgumentException("LIME needs at least 2 samples");
        }
        if (example.length != features.baseline().length) {
            throw new IllegalArgumentException("the example has " + example.length + " values, the features expect "
                    + features.baseline().length);
        }
        int d = features.count();
        Random random = new Random(seed);
        double[][] masks = new double[samples][d];
        double[] kernel = new double[samples];
        double[] y = new double[samples];
        float[][] batch = new float[Math.min(Occlusion.BATCH, samples)][];
        int filled = 0;
        int start = 0;
        for (int s = 0; s < samples; s++) {
            boolean[] on = mask(s == 0 ? 0 : 1 + random.nextInt(d), d, random);
            int present = 0;
            for (int f = 0; f < d; f++) {
                masks[s][f] = on[f] ? 1 : 0;
                present += on[f] ? 1 : 0;
            }
            double distance = 1 - Math.sqrt(present / (double) d);
            kernel[s] = Math.sqrt(Math.exp(-distance * distance / (KERNEL_WIDTH * KERNEL_WIDTH)));
            batch[filled++] = features.apply(example, on);
            if (filled == batch.length || s == samples - 1) {
                float[][] chunk = filled == batch.length ? batch : java.util.Arrays.copyOf(batch, filled);
                float[] p = probe.probabilities(chunk);
                for (int i = 0; i < filled; i++) {
                    y[start + i] = p[i];
                }
                start += filled;
                filled = 0;
            }
        }
        LinearFit fit = WeightedLeastSquares.fit(masks, y, kernel, RIDGE);
        return new LimeExplanation(classIndex, features, fit.coefficients(), fit.intercept(), fit.rSquared(), samples);
    }

    /** A mask with {@code hidden} of the {@code d} features switched off, chosen uniformly. */
    private static boolean[] mask(int hidden, int d, Random random) {
        boolean[] on = new boolean[d];
        java.util.Arrays.fill(on, true);
        int[] order = new int[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        for (int i = 0; i < hidden; i++) {
            int j = i + random.nextInt(d - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            on[order[i]] = false;
        }
        return on;
    }
}
