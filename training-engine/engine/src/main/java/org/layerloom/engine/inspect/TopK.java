package org.layerloom.engine.inspect;

/** Indices of the largest values of an array, largest first (ties: the lower index first). Stateless. */
final class TopK {

    private TopK() {
    }

    static int[] indices(float[] values, int k) {
        int n = Math.min(k, values.length);
        int[] best = new int[n];
        boolean[] taken = new boolean[values.length];
        for (int r = 0; r < n; r++) {
            int arg = -1;
            for (int i = 0; i < values.length; i++) {
                if (!taken[i] && (arg < 0 || values[i] > values[arg])) {
                    arg = i;
                }
            }
            taken[arg] = true;
            best[r] = arg;
        }
        return best;
    }

    static int argmax(float[] values, int from, int to) {
        int arg = from;
        for (int i = from + 1; i < to; i++) {
            if (values[i] > values[arg]) {
                arg = i;
            }
        }
        return arg - from;
    }
}
