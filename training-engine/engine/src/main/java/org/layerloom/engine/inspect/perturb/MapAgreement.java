package org.layerloom.engine.inspect.perturb;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Whether two explanation maps of the same input point at the same place: the share of one map's top
 * fraction of pixels (by value, e.g. the top 10 %) that is also in the other's top fraction. 1 means the
 * same hot region, 0 disjoint ones; two random maps give about the fraction itself. Stateless; any thread.
 */
public final class MapAgreement {

    private MapAgreement() {
    }

    /** The overlap of the top {@code fraction} of {@code a} and of {@code b} (same length), in [0, 1]. */
    public static double topOverlap(float[] a, float[] b, double fraction) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("the maps differ in size: " + a.length + " and " + b.length);
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the fraction must be in (0, 1]");
        }
        int k = Math.max(1, (int) Math.round(fraction * a.length));
        boolean[] topA = top(a, k);
        boolean[] topB = top(b, k);
        int both = 0;
        for (int i = 0; i < a.length; i++) {
            both += topA[i] && topB[i] ? 1 : 0;
        }
        return both / (double) k;
    }

    /** Marks the {@code k} largest values (ties by the lower index). */
    private static boolean[] top(float[] values, int k) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -values[i]).thenComparingInt(i -> i));
        boolean[] marked = new boolean[values.length];
        for (int i = 0; i < k; i++) {
            marked[order[i]] = true;
        }
        return marked;
    }
}
