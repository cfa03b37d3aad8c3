package org.layerloom.engine.compress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Magnitude pruning: removes the weights of smallest absolute value, over all compressible weights
 * together ({@link Scope#GLOBAL}) or the same fraction of each weight tensor ({@link Scope#PER_LAYER}).
 * Of {@code n} candidates, exactly {@code floor(fraction · n)} are pruned; equal magnitudes are broken
 * by position (tensors in network order, then row-major), like a stable sort, the same as
 * {@code numpy.argsort(abs, kind="stable")[:k]}. Biases and normalisation parameters are never pruned
 * (see {@link WeightTensor#isCompressible()}). Pure computation on plain arrays; any thread.
 */
public final class Pruning {

    /** The highest fraction the app offers. */
    public static final double MAX_FRACTION = 0.95;

    /** Whether one threshold serves the whole network or each layer keeps its own share. */
    public enum Scope {
        GLOBAL, PER_LAYER
    }

    private Pruning() {
    }

    /**
     * The masks that prune {@code fraction} of the compressible weights among {@code weights}, by their names,
     * in network order (tensors that are not compressible get none).
     *
     * @throws IllegalArgumentException when the fraction is outside 0..1
     */
    public static Map<String, PruneMask> masks(List<WeightTensor> weights, double fraction, Scope scope) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("The pruning fraction must be between 0 and 1, not " + fraction + ".");
        }
        List<WeightTensor> candidates = weights.stream().filter(WeightTensor::isCompressible).toList();
        Map<String, PruneMask> masks = new LinkedHashMap<>();
        if (scope == Scope.PER_LAYER) {
            for (WeightTensor w : candidates) {
                masks.putAll(smallest(List.of(w), fraction));
            }
        } else {
            masks.putAll(smallest(candidates, fraction));
        }
        return masks;
    }

    /** The tensors with each mask applied; tensors without a mask are returned as they are. */
    public static List<WeightTensor> apply(List<WeightTensor> weights, Map<String, PruneMask> masks) {
        List<WeightTensor> out = new ArrayList<>(weights.size());
        for (WeightTensor w : weights) {
            PruneMask mask = masks.get(w.name());
            out.add(mask == null ? w : w.withValues(mask.apply(w.values())));
        }
        return out;
    }

    private static Map<String, PruneMask> smallest(List<WeightTensor> tensors, double fraction) {
        int total = 0;
        for (WeightTensor w : tensors) {
            total += w.values().length;
        }
        // A key sorts by magnitude, then by position: the bits of a non-negative float order like the float.
        long[] keys = new long[total];
        int at = 0;
        for (WeightTensor w : tensors) {
            for (float v : w.values()) {
                keys[at] = ((long) Float.floatToIntBits(Math.abs(v)) << 32) | at;
                at++;
            }
        }
        Arrays.sort(keys);
        int k = (int) Math.floor(fraction * total + 1e-9);
        BitSet pruned = new BitSet(total);
        for (int i = 0; i < k; i++) {
            pruned.set((int) (keys[i] & 0xffffffffL));
        }
        Map<String, PruneMask> masks = new LinkedHashMap<>();
        int start = 0;
        for (WeightTensor w : tensors) {
            int n = w.values().length;
            masks.put(w.name(), new PruneMask(w.name(), n, pruned.get(start, start + n)));
            start += n;
        }
        return masks;
    }
}
