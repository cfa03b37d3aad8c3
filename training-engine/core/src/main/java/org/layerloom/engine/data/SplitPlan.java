package org.layerloom.engine.data;

import java.util.Random;

/**
 * A seeded division of {@code n} examples into a kept part and a held-out part (validation or test), as an
 * order: the kept indices ascending, then the held-out indices ascending. Stratified plans hold out the same
 * fraction of every class (largest remainders, so the total is exactly {@code round(n × fraction)}).
 */
final class SplitPlan {

    private final int[] order;
    private final int keptCount;

    private SplitPlan(int[] order, int keptCount) {
        this.order = order;
        this.keptCount = keptCount;
    }

    /** Holds out {@code fraction} of all examples, chosen at random. */
    static SplitPlan random(int n, double fraction, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        shuffle(all, all.length, new Random(seed));
        boolean[] heldOut = new boolean[n];
        int count = heldOutTotal(n, fraction);
        for (int k = 0; k < count; k++) {
            heldOut[all[k]] = true;
        }
        return of(heldOut, n - count);
    }

    /** Holds out {@code fraction} of each class, chosen at random within the class. */
    static SplitPlan stratified(ClassLabels labels, double fraction, long seed) {
        int n = labels.size();
        int classes = labels.classCount();
        int[] counts = labels.counts();
        int[][] members = new int[classes][];
        for (int c = 0; c < classes; c++) {
            members[c] = new int[counts[c]];
        }
        int[] filled = new int[classes];
        for (int i = 0; i < n; i++) {
            int c = labels.get(i);
            members[c][filled[c]++] = i;
        }
        int[] quota = quotas(counts, heldOutTotal(n, fraction), fraction);
        Random random = new Random(seed);
        boolean[] heldOut = new boolean[n];
        int total = 0;
        for (int c = 0; c < classes; c++) {
            shuffle(members[c], quota[c], random);
            for (int k = 0; k < quota[c]; k++) {
                heldOut[members[c][k]] = true;
            }
            total += quota[c];
        }
        return of(heldOut, n - total);
    }

    /** Position of each original example in {@link #order()}: the inverse permutation. */
    int[] positions() {
        int[] positions = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            positions[order[k]] = k;
        }
        return positions;
    }

    int[] order() {
        return order;
    }

    int keptCount() {
        return keptCount;
    }

    int size() {
        return order.length;
    }

    private static SplitPlan of(boolean[] heldOut, int keptCount) {
        int[] order = new int[heldOut.length];
        int kept = 0;
        int held = keptCount;
        for (int i = 0; i < heldOut.length; i++) {
            if (heldOut[i]) {
                order[held++] = i;
            } else {
                order[kept++] = i;
            }
        }
        return new SplitPlan(order, keptCount);
    }

    /** round(n × fraction), but never all examples when there is at least one. */
    private static int heldOutTotal(int n, double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("a held-out fraction must lie in [0, 1), not " + fraction);
        }
        return (int) Math.min(Math.round(n * fraction), Math.max(0, n - 1));
    }

    /** Splits {@code total} over the classes in proportion to their counts, by largest remainder. */
    private static int[] quotas(int[] counts, int total, double fraction) {
        int[] quota = new int[counts.length];
        double[] remainder = new double[counts.length];
        int assigned = 0;
        for (int c = 0; c < counts.length; c++) {
            double exact = counts[c] * fraction;
            quota[c] = Math.min(counts[c], (int) Math.floor(exact));
            remainder[c] = exact - quota[c];
            assigned += quota[c];
        }
        while (assigned < total) {
            int best = -1;
            for (int c = 0; c < counts.length; c++) {
                if (quota[c] < counts[c] && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            quota[best]++;
            remainder[best] -= 1;
            assigned++;
        }
        while (assigned > total) {
            int worst = -1;
            for (int c = 0; c < counts.length; c++) {
                if (quota[c] > 0 && (worst < 0 || remainder[c] < remainder[worst])) {
                    worst = c;
                }
            }
            quota[worst]--;
            remainder[worst] += 1;
            assigned--;
        }
        return quota;
    }

    /** Fisher–Yates: moves a uniform random choice of {@code count} elements to the front of {@code a}. */
    private static void shuffle(int[] a, int count, Random random) {
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(a.length - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
