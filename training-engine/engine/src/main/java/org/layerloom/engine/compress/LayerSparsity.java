package org.layerloom.engine.compress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many of one layer's parameters are non-zero, for the per-layer sparsity bars and the non-zero total.
 * Immutable; any thread.
 *
 * @param layer      the node id
 * @param parameters all its parameters (biases included)
 * @param nonZero    those that are not zero
 */
public record LayerSparsity(String layer, long parameters, long nonZero) {

    /** The fraction of the layer's parameters that are zero. */
    public double sparsity() {
        return parameters == 0 ? 0 : 1 - (double) nonZero / parameters;
    }

    /** One entry per layer with parameters, in network order. */
    public static List<LayerSparsity> of(List<WeightTensor> weights) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (WeightTensor w : weights) {
            long[] c = counts.computeIfAbsent(w.layer(), k -> new long[2]);
            c[0] += w.values().length;
            c[1] += w.nonZero();
        }
        List<LayerSparsity> layers = new ArrayList<>();
        counts.forEach((layer, c) -> layers.add(new LayerSparsity(layer, c[0], c[1])));
        return layers;
    }

    /** The non-zero parameters of the whole network. */
    public static long nonZeroTotal(List<WeightTensor> weights) {
        long total = 0;
        for (WeightTensor w : weights) {
            total += w.nonZero();
        }
        return total;
    }
}
