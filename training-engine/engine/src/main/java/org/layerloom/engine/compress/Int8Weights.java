package org.layerloom.engine.compress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole network's weights after int8 quantization: every compressible tensor quantized per output channel
 * ({@link WeightQuantizer#int8}), every other parameter (biases, normalisation) kept in float32. Gives the
 * dequantized weights to evaluate, the size in bytes against float32 and the largest weight error per
 * layer. Immutable; any thread.
 */
public final class Int8Weights {

    private final List<WeightTensor> weights;
    private final Map<String, QuantizedWeight> quantized;
    private final long float32Bytes;
    private final long int8Bytes;

    private Int8Weights(List<WeightTensor> weights, Map<String, QuantizedWeight> quantized, long float32Bytes,
                        long int8Bytes) {
        this.weights = List.copyOf(weights);
        this.quantized = Map.copyOf(quantized);
        this.float32Bytes = float32Bytes;
        this.int8Bytes = int8Bytes;
    }

    /** Quantizes the compressible tensors among {@code original}. */
    public static Int8Weights of(List<WeightTensor> original) {
        List<WeightTensor> out = new ArrayList<>();
        Map<String, QuantizedWeight> quantized = new LinkedHashMap<>();
        long float32 = 0;
        long int8 = 0;
        for (WeightTensor w : original) {
            float32 += 4L * w.values().length;
            if (w.isCompressible()) {
                QuantizedWeight q = WeightQuantizer.int8(w);
                quantized.put(w.name(), q);
                out.add(q.asWeight());
                int8 += q.int8Bytes();
            } else {
                out.add(w);
                int8 += 4L * w.values().length;
            }
        }
        return new Int8Weights(out, quantized, float32, int8);
    }

    /** Every parameter, the quantized ones dequantized, in network order: what the int8 network computes with. */
    public List<WeightTensor> weights() {
        return weights;
    }

    /** The quantized tensors by name. */
    public Map<String, QuantizedWeight> quantized() {
        return quantized;
    }

    /** The parameters' size as float32. */
    public long float32Bytes() {
        return float32Bytes;
    }

    /** The size with int8 weights, their float32 scales, and float32 for everything else. */
    public long int8Bytes() {
        return int8Bytes;
    }

    /** The largest {@code |w − dequantized|} of each layer (node id) that has quantized weights. */
    public Map<String, Double> largestErrorByLayer() {
        Map<String, Double> errors = new LinkedHashMap<>();
        for (WeightTensor w : weights) {
            QuantizedWeight q = quantized.get(w.name());
            if (q != null) {
                errors.merge(w.layer(), q.largestError(), Math::max);
            }
        }
        return errors;
    }
}
