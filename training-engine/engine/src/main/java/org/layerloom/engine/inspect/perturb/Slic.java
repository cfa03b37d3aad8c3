package org.layerloom.engine.inspect.perturb;

import java.util.Arrays;

/**
 * SLIC superpixels (Achanta et al., 2012): splits an image into about {@code count} regions of similar
 * values that stay compact. Seeds on a grid of step S = √(H·W / count), each moved to the lowest-gradient
 * pixel of its 3 × 3 neighbourhood; then {@value #ITERATIONS} k-means rounds in which each centre claims
 * the pixels of its 2S × 2S window by the distance √(d_value² + (d_xy / S)² · m²), with the values divided
 * by the image's value range (so one compactness m suits pixels in [0, 1] and standardised pixels alike);
 * then every region is made one 4-connected piece: fragments smaller than a quarter of the expected size join
 * the neighbouring region of the closest mean value, and the regions are numbered 0..n−1 in reading order.
 * Deterministic. Stateless; any thread.
 */
public final class Slic {

    /** The compactness m that suits most images: higher gives squarer regions, lower follows edges closer. */
    public static final double DEFAULT_COMPACTNESS = 0.3;
    /** The number of k-means rounds. */
    static final int ITERATIONS = 10;
    /** Fragments smaller than the expected region size divided by this join a neighbour. */
    private static final int ORPHAN_SHARE = 4;

    private Slic() {
    }

    /**
     * The region of each pixel of {@code image} (laid out as {@code geometry} says), row by row, numbered
     * 0..n−1 with n near {@code count}.
     *
     * @param count       the number of regions asked for, 1 to the number of pixels
     * @param compactness m, greater than 0
     */
    public static int[] segment(float[] image, ImageGeometry geometry, int count, double compactness) {
        if (image.length != geometry.size()) {
            throw new IllegalArgumentException("the image has " + image.length + " values, its geometry says "
                    + geometry.size());
        }
        if (count < 1 || count > geometry.pixels()) {
            throw new IllegalArgumentException("the number of regions must be 1 to " + geometry.pixels());
        }
        if (!(compactness > 0)) {
            throw new IllegalArgumentException("the compactness must be greater than 0");
        }
        int h = geometry.height();
        int w = geometry.width();
        int c = geometry.channels();
        double[][] values = scaled(image, geometry);
        double step = Math.sqrt(h * (double) w / count);
        double[][] centres = seeds(values, h, w, step);
        int k = centres.length;
        int[] labels = new int[h * w];
        double[] best = new double[h * w];
        nearestSeed(centres, labels, h, w);
        double spatial = compactness * compactness / (step * step);
        int reach = (int) Math.ceil(step);
        for (int round = 0; round < ITERATIONS; round++) {
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            for (int j = 0; j < k; j++) {
                double[] centre = centres[j];
                int cy = (int) Math.round(centre[c]);
                int cx = (int) Math.round(centre[c + 1]);
                for (int y = Math.max(0, cy - reach); y <= Math.min(h - 1, cy + reach); y++) {
                    for (int x = Math.max(0, cx - reach); x <= Math.min(w - 1, cx + reach); x++) {
                        int p = y * w + x;
                        double dy = y - centre[c];
                        double dx = x - centre[c + 1];
                        double d = valueDistance(values[p], centre, c) + (dy * dy + dx * dx) * spatial;
                        if (d < best[p]) {
                            best[p] = d;
                            labels[p] = j;
                        }
                    }
                }
            }
            update(centres, values, labels, h, w);
        }
        return connected(labels, values, h, w, Math.max(1, h * w / count / ORPHAN_SHARE));
    }

    /** Each pixel's values over the channels, divided by the whole image's value range. */
    private static double[][] scaled(float[] image, ImageGeometry geometry) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : image) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max > min ? max - min : 1;
        int pixels = geometry.pixels();
        double[][] values = new double[pixels][geometry.channels()];
        for (int ch = 0; ch < geometry.channels(); ch++) {
            for (int p = 0; p < pixels; p++) {
                values[p][ch] = image[ch * pixels + p] / range;
            }
        }
        return values;
    }

    /** Centres (values, then y and x) on a regular grid, each moved to the flattest pixel around it. */
    private static double[][] seeds(double[][] values, int h, int w, double step) {
        int rows = Math.max(1, Math.min(h, (int) Math.round(h / step)));
        int cols = Math.max(1, Math.min(w, (int) Math.round(w / step)));
        int c = values[0].length;
        double[][] centres = new double[rows * cols][];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int y = (int) ((i + 0.5) * h / rows);
                int x = (int) ((j + 0.5) * w / cols);
                int bestY = y;
                int bestX = x;
                double lowest = gradient(values, h, w, y, x);
                for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
                    for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
                        double g = gradient(values, h, w, ny, nx);
                        if (g < lowest) {
                            lowest = g;
                            bestY = ny;
                            bestX = nx;
                        }
                    }
                }
                double[] centre = Arrays.copyOf(values[bestY * w + bestX], c + 2);
                centre[c] = bestY;
                centre[c + 1] = bestX;
                centres[i * cols + j] = centre;
            }
        }
        return centres;
    }

    /** The squared value gradient at (y, x): central differences, one-sided at the borders. */
    private static double gradient(double[][] values, int h, int w, int y, int x) {
        double[] left = values[y * w + Math.max(0, x - 1)];
        double[] right = values[y * w + Math.min(w - 1, x + 1)];
        double[] up = values[Math.max(0, y - 1) * w + x];
        double[] down = values[Math.min(h - 1, y + 1) * w + x];
        double sum = 0;
        for (int ch = 0; ch < left.length; ch++) {
            sum += (right[ch] - left[ch]) * (right[ch] - left[ch]) + (down[ch] - up[ch]) * (down[ch] - up[ch]);
        }
        return sum;
    }

    /** Gives every pixel to its spatially nearest centre, so that no pixel is unclaimed before the rounds. */
    private static void nearestSeed(double[][] centres, int[] labels, int h, int w) {
        int c = centres[0].length - 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < centres.length; j++) {
                    double dy = y - centres[j][c];
                    double dx = x - centres[j][c + 1];
                    if (dy * dy + dx * dx < best) {
                        best = dy * dy + dx * dx;
                        labels[y * w + x] = j;
                    }
                }
            }
        }
    }

    private static double valueDistance(double[] pixel, double[] centre, int channels) {
        double sum = 0;
        for (int ch = 0; ch < channels; ch++) {
            double d = pixel[ch] - centre[ch];
            sum += d * d;
        }
        return sum;
    }

    /** Moves each centre to the mean values and position of its pixels (a centre without pixels stays). */
    private static void update(double[][] centres, double[][] values, int[] labels, int h, int w) {
        int c = values[0].length;
        double[][] sums = new double[centres.length][c + 2];
        int[] counts = new int[centres.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                double[] sum = sums[labels[p]];
                for (int ch = 0; ch < c; ch++) {
                    sum[ch] += values[p][ch];
                }
                sum[c] += y;
                sum[c + 1] += x;
                counts[labels[p]]++;
            }
        }
        for (int j = 0; j < centres.length; j++) {
            if (counts[j] > 0) {
                for (int i = 0; i < c + 2; i++) {
                    centres[j][i] = sums[j][i] / counts[j];
                }
            }
        }
    }

    /**
     * Relabels {@code labels} so that each region is one 4-connected piece, numbered in reading order; a
     * piece smaller than {@code minimum} joins the already numbered neighbour whose mean values are closest.
     */
    private static int[] connected(int[] labels, double[][] values, int h, int w, int minimum) {
        int c = values[0].length;
        int[] out = new int[h * w];
        Arrays.fill(out, -1);
        int[] queue = new int[h * w];
        double[][] sums = new double[h * w][];
        int[] sizes = new int[h * w];
        int next = 0;
        for (int start = 0; start < h * w; start++) {
            if (out[start] >= 0) {
                continue;
            }
            int label = next;
            out[start] = label;
            int length = 0;
            queue[length++] = start;
            double[] sum = new double[c];
            for (int head = 0; head < length; head++) {
                int p = queue[head];
                for (int ch = 0; ch < c; ch++) {
                    sum[ch] += values[p][ch];
                }
                int y = p / w;
                int x = p % w;
                int[] around = {x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1,
                    y < h - 1 ? p + w : -1};
                for (int q : around) {
                    if (q >= 0 && out[q] < 0 && labels[q] == labels[start]) {
                        out[q] = label;
                        queue[length++] = q;
                    }
                }
            }
            int join = length < minimum ? closestNeighbour(queue, length, out, label, sum, sums, sizes, w, h) : -1;
            int keep = join >= 0 ? join : next++;
            if (join >= 0) {
                for (int i = 0; i < length; i++) {
                    out[queue[i]] = join;
                }
            } else {
                sums[keep] = new double[c];
            }
            for (int ch = 0; ch < c; ch++) {
                sums[keep][ch] += sum[ch];
            }
            sizes[keep] += length;
        }
        return out;
    }

    /** The numbered region next to the piece {@code queue[0..length)} with the closest mean values, or −1. */
    private static int closestNeighbour(int[] queue, int length, int[] out, int label, double[] sum,
                                        double[][] sums, int[] sizes, int w, int h) {
        int best = -1;
        double closest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            int p = queue[i];
            int y = p / w;
            int x = p % w;
            int[] around = {x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1};
            for (int q : around) {
                if (q >= 0 && out[q] >= 0 && out[q] != label) {
                    int r = out[q];
                    double d = 0;
                    for (int ch = 0; ch < sum.length; ch++) {
                        double diff = sum[ch] / length - sums[r][ch] / sizes[r];
                        d += diff * diff;
                    }
                    if (d < closest || (d == closest && r < best)) {
                        closest = d;
                        best = r;
                    }
                }
            }
        }
        return best;
    }
}
