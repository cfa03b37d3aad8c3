package org.layerloom.engine.inspect.compute;

import org.layerloom.engine.tensor.FloatTensor;

/** Small array helpers of the workings: shapes and float conversion. Stateless. */
final class Numbers {

    private Numbers() {
    }

    static FloatTensor tensor(int[] shape, double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return new FloatTensor(shape, f);
    }

    static int last(FloatTensor t) {
        return t.dim(t.rank() - 1);
    }

    static void requireRank(String what, FloatTensor t, int... ranks) {
        for (int r : ranks) {
            if (t.rank() == r) {
                return;
            }
        }
        throw new IllegalArgumentException(what + " has shape " + java.util.Arrays.toString(t.shape())
                + ", not of rank " + java.util.Arrays.toString(ranks));
    }

    static void requireSize(String what, FloatTensor t, long size) {
        if (t.size() != size) {
            throw new IllegalArgumentException(what + " has " + t.size() + " numbers, not " + size);
        }
    }
}
