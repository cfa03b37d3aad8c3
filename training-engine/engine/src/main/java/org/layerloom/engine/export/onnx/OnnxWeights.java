package org.layerloom.engine.export.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.layerloom.engine.compile.TorchStateDict;

/**
 * Copies a compiled network's weights out of DJL as plain arrays under their PyTorch {@code state_dict}
 * names and layouts, the form {@link OnnxExporter} reads. Call it on the thread that owns the network
 * (the training worker or a test), like {@link TorchStateDict}. Stateless.
 */
public final class OnnxWeights {

    private OnnxWeights() {
    }

    public static Map<String, WeightTensor> of(TorchStateDict stateDict) {
        Map<String, WeightTensor> weights = new LinkedHashMap<>();
        try (NDManager scope = NDManager.newBaseManager()) {
            for (Map.Entry<String, NDArray> e : stateDict.values(scope).entrySet()) {
                NDArray value = e.getValue().toType(DataType.FLOAT32, false);
                weights.put(e.getKey(), new WeightTensor(value.getShape().getShape(), value.toFloatArray()));
            }
        }
        return weights;
    }
}
