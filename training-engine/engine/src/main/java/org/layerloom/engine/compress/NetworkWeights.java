package org.layerloom.engine.compress;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.TorchStateDict;
import org.layerloom.engine.graph.NetworkGraph;

/**
 * Reads every parameter of a compiled network as plain {@link WeightTensor}s (PyTorch names and layouts,
 * through {@link TorchStateDict}) and writes changed values back into the same parameter arrays. Used on
 * the thread that owns the block.
 */
public final class NetworkWeights {

    private final TorchStateDict dict;
    private final NDManager manager;

    public NetworkWeights(NetworkGraph graph, GraphBlock block, NDManager manager) {
        this.dict = TorchStateDict.of(graph, block);
        this.manager = manager;
    }

    /** Every parameter's current values, in network order. */
    public List<WeightTensor> read() {
        List<WeightTensor> weights = new ArrayList<>();
        try (NDManager scope = manager.newSubManager()) {
            for (Map.Entry<String, NDArray> e : dict.values(scope).entrySet()) {
                NDArray value = e.getValue();
                weights.add(new WeightTensor(e.getKey(), value.getShape().getShape(),
                        value.toType(DataType.FLOAT32, false).toFloatArray()));
            }
        }
        return weights;
    }

    /**
     * Puts {@code weights} (a value for every parameter, as {@link #read()} lists them) into the network.
     *
     * @throws IllegalArgumentException when one is missing or has another shape
     */
    public void write(List<WeightTensor> weights) {
        Map<String, WeightTensor> byName = new java.util.HashMap<>();
        for (WeightTensor w : weights) {
            byName.put(w.name(), w);
        }
        try (NDManager scope = manager.newSubManager()) {
            dict.load(name -> {
                WeightTensor w = byName.get(name);
                return w == null ? null : scope.create(w.values(), new Shape(w.shape()));
            });
        }
    }
}
