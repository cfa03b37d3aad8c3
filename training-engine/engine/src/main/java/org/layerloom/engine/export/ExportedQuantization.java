package org.layerloom.engine.export;

import java.util.Map;
import org.layerloom.engine.compress.ActivationRange;
import org.layerloom.engine.compress.QuantizedWeight;

/**
 * How an int8 variant run computes, for a target that can carry it (ONNX's QuantizeLinear/DequantizeLinear): the
 * int8 levels and per-output-channel scales of each quantized weight, by PyTorch {@code state_dict} name, and the
 * 8-bit range of each node's output, by node id, that LayerLoom rounds every layer's output with when it measures
 * the variant ({@link org.layerloom.engine.compress.ActivationRounding}). Immutable; any thread.
 *
 * @param weights     the quantized weights; every other weight stays float32
 * @param activations the rounded nodes' ranges
 */
public record ExportedQuantization(Map<String, QuantizedWeight> weights, Map<String, ActivationRange> activations) {

    public ExportedQuantization {
        weights = Map.copyOf(weights);
        activations = Map.copyOf(activations);
    }
}
