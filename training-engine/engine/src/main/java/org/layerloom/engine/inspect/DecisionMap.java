package org.layerloom.engine.inspect;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The model's answer over a grid of the plane, for 2-D inputs: {@code height} rows (row 0 at the top)
 * of {@code width} cells; per cell the class probabilities ({@code classes} numbers, cell after cell)
 * and the predicted class; and, per node asked for, every unit's output over the grid (unit after
 * unit, each a height × width map), for the neuron maps of the first hidden layers. For a regression
 * {@code classes} is the output width and {@code predicted} is empty. Immutable; any thread.
 */
public record DecisionMap(PlaneBounds bounds, int width, int height, int classes, float[] probabilities,
                          int[] predicted, Map<String, float[]> unitMaps) {

    public DecisionMap {
        Objects.requireNonNull(bounds, "bounds");
        probabilities = probabilities.clone();
        predicted = predicted.clone();
        unitMaps = Map.copyOf(unitMaps);
        if (probabilities.length != width * height * classes) {
            throw new IllegalArgumentException("the probabilities do not fill the grid");
        }
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public int[] predicted() {
        return predicted.clone();
    }

    /** The probability of {@code classIndex} at every cell, row by row. */
    public float[] classMap(int classIndex) {
        Objects.checkIndex(classIndex, classes);
        float[] map = new float[width * height];
        for (int i = 0; i < map.length; i++) {
            map[i] = probabilities[i * classes + classIndex];
        }
        return map;
    }

    /** Unit {@code unit}'s output of node {@code nodeId} at every cell, row by row. */
    public float[] unitMap(String nodeId, int unit) {
        float[] all = unitMaps.get(nodeId);
        if (all == null) {
            throw new IllegalArgumentException("no unit maps for '" + nodeId + "'");
        }
        int area = width * height;
        return Arrays.copyOfRange(all, unit * area, (unit + 1) * area);
    }

    @Override
    public String toString() {
        return "DecisionMap[" + width + "×" + height + ", " + classes + " classes, units of " + unitMaps.keySet() + "]";
    }
}
