package org.layerloom.engine.train.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * The model's answer over a grid of the plane, for 2-D inputs: the class probabilities of every cell of
 * {@code bounds}, shape (rows, columns, classes) with row 0 at the top ({@code yMax}); and, by node id in
 * the order given, every unit's output of some hidden layers over the same grid, shape (units, rows,
 * columns), for the neuron maps. For a regression {@code classes} is the output width. Sent live in
 * {@link DecisionMapCaptured} and computed for a saved run alike. Immutable; any thread.
 */
public record DecisionMap(PlaneBounds bounds, FloatTensor probabilities, Map<String, FloatTensor> unitMaps) {

    public DecisionMap {
        Objects.requireNonNull(bounds, "bounds");
        if (probabilities.rank() != 3) {
            throw new IllegalArgumentException("the probabilities need the shape (rows, columns, classes)");
        }
        Map<String, FloatTensor> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, FloatTensor> entry : unitMaps.entrySet()) {
            FloatTensor units = entry.getValue();
            if (units.rank() != 3 || units.dim(1) != probabilities.dim(0) || units.dim(2) != probabilities.dim(1)) {
                throw new IllegalArgumentException("the unit maps of '" + entry.getKey() + "' do not fit the grid");
            }
            ordered.put(entry.getKey(), units);
        }
        unitMaps = Collections.unmodifiableMap(ordered);
    }

    /** The number of rows of the grid. */
    public int height() {
        return probabilities.dim(0);
    }

    /** The number of columns of the grid. */
    public int width() {
        return probabilities.dim(1);
    }

    /** The number of probabilities per cell. */
    public int classes() {
        return probabilities.dim(2);
    }

    /** The probability of {@code classIndex} at every cell, row by row. */
    public float[] classMap(int classIndex) {
        Objects.checkIndex(classIndex, classes());
        float[] map = new float[width() * height()];
        for (int i = 0; i < map.length; i++) {
            map[i] = probabilities.value(i * classes() + classIndex);
        }
        return map;
    }

    /** The most probable class at every cell, row by row (the first of equals; for classifiers). */
    public int[] predicted() {
        int classes = classes();
        int[] predicted = new int[width() * height()];
        for (int i = 0; i < predicted.length; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (probabilities.value(i * classes + c) > probabilities.value(i * classes + best)) {
                    best = c;
                }
            }
            predicted[i] = best;
        }
        return predicted;
    }

    /** The number of units mapped for {@code nodeId} (0 for a node without maps). */
    public int unitCount(String nodeId) {
        FloatTensor units = unitMaps.get(nodeId);
        return units == null ? 0 : units.dim(0);
    }

    /** Unit {@code unit}'s output of node {@code nodeId} at every cell, row by row. */
    public float[] unitMap(String nodeId, int unit) {
        FloatTensor units = unitMaps.get(nodeId);
        if (units == null) {
            throw new IllegalArgumentException("no unit maps for '" + nodeId + "'");
        }
        return units.slice(unit).values();
    }

    @Override
    public String toString() {
        return "DecisionMap[" + width() + "×" + height() + ", " + classes() + " classes, units of " + unitMaps.keySet()
                + "]";
    }
}
