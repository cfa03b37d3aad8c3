package org.layerloom.engine.inspect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.layerloom.engine.tensor.FloatTensor;
import org.layerloom.engine.train.event.DecisionMap;
import org.layerloom.engine.train.event.PlaneBounds;

/**
 * The decision-boundary map of a network with 2-D inputs: its class probabilities over a grid of the
 * plane (e.g. 100 × 100 over the data's bounding box with a margin, see {@link PlaneBounds#around}),
 * computed as one batched forward pass, and optionally every unit's output of some nodes over the same
 * grid. Usage: {@code new DecisionBoundary(model).map(PlaneBounds.around(points, 0.1), 100, List.of())}.
 * Thread: that of its {@link InspectedModel} (cheap enough for the training worker every few batches).
 */
public final class DecisionBoundary {

    private final InspectedModel model;

    public DecisionBoundary(InspectedModel model) {
        if (model.exampleShape().rank() != 1 || model.exampleShape().dim(0) != 2 || model.readsTokens()) {
            throw new IllegalArgumentException("decision maps need a network that reads two numbers, not "
                    + model.exampleShape().tuple());
        }
        this.model = model;
    }

    /**
     * @param resolution cells per side
     * @param unitNodes  nodes whose units to map too (e.g. the first hidden Dense layers); may be empty
     */
    public DecisionMap map(PlaneBounds bounds, int resolution, List<String> unitNodes) {
        int n = resolution * resolution;
        float[] grid = new float[2 * n];
        for (int row = 0; row < resolution; row++) {
            for (int col = 0; col < resolution; col++) {
                int i = row * resolution + col;
                grid[2 * i] = (float) bounds.x(col, resolution);
                grid[2 * i + 1] = (float) bounds.y(row, resolution);
            }
        }
        try (NDManager scope = model.manager().newSubManager()) {
            NDArray x = scope.create(grid, new Shape(n, 2));
            Map<String, NDArray> sink = new LinkedHashMap<>();
            Set<String> capture = new LinkedHashSet<>(unitNodes);
            NDArray scores = model.block().forwardCapturing(model.store(), new NDList(x), false, capture, sink).head();
            float[] probabilities = InspectedModel.floats(model.probabilities(scores));
            int classes = probabilities.length / n;
            Map<String, FloatTensor> units = new LinkedHashMap<>();
            for (String id : unitNodes) {
                NDArray out = sink.get(id);
                if (out.getShape().dimension() != 2) {
                    throw new IllegalArgumentException("node '" + id + "' has no units to map: its output is "
                            + out.getShape().slice(1));
                }
                int count = (int) out.getShape().get(1);
                units.put(id, new FloatTensor(new int[] {count, resolution, resolution},
                        InspectedModel.floats(out.transpose()))); // (units, cells)
            }
            return new DecisionMap(bounds, new FloatTensor(new int[] {resolution, resolution, classes}, probabilities),
                    units);
        }
    }
}
