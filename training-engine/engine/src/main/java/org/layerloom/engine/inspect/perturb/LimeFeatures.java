package org.layerloom.engine.inspect.perturb;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of one example that LIME switches on and off: each feature's name and input positions, and the
 * value every position takes when its feature is off (the baseline). Images: square grid cells or SLIC
 * regions ({@link Slic}) as superpixels over every channel, hidden with one fill value; text: each word that
 * is not padding, replaced by the unknown-word id; tables: each column, replaced by its training mean.
 * Immutable; any thread.
 */
public record LimeFeatures(List<String> names, int[][] positions, float[] baseline) {

    /** The token id of padding, which is no word and never a feature. */
    public static final int PADDING_ID = 0;
    /** The token id a hidden word becomes: the vocabulary's unknown word. */
    public static final int UNKNOWN_ID = 1;

    public LimeFeatures {
        names = List.copyOf(names);
        positions = positions.clone();
        baseline = baseline.clone();
        if (names.size() != positions.length) {
            throw new IllegalArgumentException("one name per feature expected");
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("there is nothing to switch off: no features");
        }
    }

    /** The number of features. */
    public int count() {
        return names.size();
    }

    @Override
    public int[][] positions() {
        int[][] copy = positions.clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] = copy[i].clone();
        }
        return copy;
    }

    @Override
    public float[] baseline() {
        return baseline.clone();
    }

    /** Square cells of {@code cell} × {@code cell} pixels (smaller at the far edges), hidden with {@code fill}. */
    public static LimeFeatures grid(ImageGeometry geometry, int cell, float fill) {
        if (cell < 1 || cell > Math.max(geometry.height(), geometry.width())) {
            throw new IllegalArgumentException("a superpixel must be 1 to " + Math.max(geometry.height(),
                    geometry.width()) + " pixels wide");
        }
        List<String> names = new ArrayList<>();
        List<int[]> cells = new ArrayList<>();
        for (int top = 0; top < geometry.height(); top += cell) {
            for (int left = 0; left < geometry.width(); left += cell) {
                int bottom = Math.min(geometry.height(), top + cell);
                int right = Math.min(geometry.width(), left + cell);
                int[] at = new int[geometry.channels() * (bottom - top) * (right - left)];
                int n = 0;
                for (int ch = 0; ch < geometry.channels(); ch++) {
                    for (int y = top; y < bottom; y++) {
                        for (int x = left; x < right; x++) {
                            at[n++] = ch * geometry.pixels() + y * geometry.width() + x;
                        }
                    }
                }
                names.add("rows " + top + "–" + (bottom - 1) + ", columns " + left + "–" + (right - 1));
                cells.add(at);
            }
        }
        float[] baseline = new float[geometry.size()];
        java.util.Arrays.fill(baseline, fill);
        return new LimeFeatures(names, cells.toArray(int[][]::new), baseline);
    }

    /**
     * About {@code count} SLIC regions of {@code image} (see {@link Slic}), named "region 1" to "region n" in
     * reading order, each over every channel and hidden with {@code fill}.
     */
    public static LimeFeatures slic(float[] image, ImageGeometry geometry, int count, double compactness,
                                    float fill) {
        int[] labels = Slic.segment(image, geometry, count, compactness);
        int regions = 0;
        for (int label : labels) {
            regions = Math.max(regions, label + 1);
        }
        int[] sizes = new int[regions];
        for (int label : labels) {
            sizes[label]++;
        }
        int[][] places = new int[regions][];
        List<String> names = new ArrayList<>();
        for (int r = 0; r < regions; r++) {
            places[r] = new int[geometry.channels() * sizes[r]];
            names.add("region " + (r + 1));
        }
        int[] filled = new int[regions];
        for (int ch = 0; ch < geometry.channels(); ch++) {
            for (int p = 0; p < labels.length; p++) {
                places[labels[p]][filled[labels[p]]++] = ch * geometry.pixels() + p;
            }
        }
        float[] baseline = new float[geometry.size()];
        java.util.Arrays.fill(baseline, fill);
        return new LimeFeatures(names, places, baseline);
    }

    /** {@link #slic(float[], ImageGeometry, int, double, float)} with {@link Slic#DEFAULT_COMPACTNESS}. */
    public static LimeFeatures slic(float[] image, ImageGeometry geometry, int count, float fill) {
        return slic(image, geometry, count, Slic.DEFAULT_COMPACTNESS, fill);
    }

    /**
     * Every word of a text example that is not padding, hidden by turning it into {@link #UNKNOWN_ID}.
     *
     * @param words the word of each position, for the names
     */
    public static LimeFeatures words(int[] tokenIds, List<String> words) {
        if (words.size() != tokenIds.length) {
            throw new IllegalArgumentException("one word per token expected");
        }
        List<String> names = new ArrayList<>();
        List<int[]> places = new ArrayList<>();
        float[] baseline = new float[tokenIds.length];
        for (int t = 0; t < tokenIds.length; t++) {
            baseline[t] = tokenIds[t];
            if (tokenIds[t] != PADDING_ID) {
                names.add(words.get(t));
                places.add(new int[] {t});
                baseline[t] = UNKNOWN_ID;
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the text has no words, only padding");
        }
        return new LimeFeatures(names, places.toArray(int[][]::new), baseline);
    }

    /** Every column of a table row, hidden by its training mean. */
    public static LimeFeatures columns(List<String> names, float[] means) {
        if (names.size() != means.length) {
            throw new IllegalArgumentException("one mean per column expected");
        }
        int[][] places = new int[means.length][];
        for (int j = 0; j < places.length; j++) {
            places[j] = new int[] {j};
        }
        return new LimeFeatures(names, places, means);
    }

    /** {@code example} with the features where {@code on} is false set to the baseline. */
    float[] apply(float[] example, boolean[] on) {
        float[] copy = example.clone();
        for (int f = 0; f < positions.length; f++) {
            if (!on[f]) {
                for (int p : positions[f]) {
                    copy[p] = baseline[p];
                }
            }
        }
        return copy;
    }

    /**
     * The feature of each of the first {@code length} positions, −1 where none (for an image's first channel,
     * {@code length} = its pixels: the superpixel map whose borders outline the regions).
     */
    public int[] featureAt(int length) {
        int[] out = new int[length];
        java.util.Arrays.fill(out, -1);
        for (int f = 0; f < positions.length; f++) {
            for (int p : positions[f]) {
                if (p < length) {
                    out[p] = f;
                }
            }
        }
        return out;
    }

    /** Spreads one value per feature over the first {@code length} input positions (0 where no feature is). */
    public float[] spread(double[] perFeature, int length) {
        float[] out = new float[length];
        for (int f = 0; f < positions.length; f++) {
            for (int p : positions[f]) {
                if (p < length) {
                    out[p] = (float) perFeature[f];
                }
            }
        }
        return out;
    }
}
