package org.layerloom.engine.train.event;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live decision-boundary map of a network with 2-D inputs after step {@code step}: the class
 * probabilities over a {@code resolution} × {@code resolution} grid of the rectangle x ∈ [xMin, xMax],
 * y ∈ [yMin, yMax] (the training data's bounding box with a 10 % margin), row 0 at the top (yMax), cell
 * after cell, {@code classes} numbers each; and, by node id, the same map for every unit of the first
 * hidden Dense layers (unit after unit, each resolution² values). Sent with the health captures when the
 * job asks for it. Immutable (arrays are copied); any thread.
 */
public record DecisionMapCaptured(int epoch, int batch, long step, double xMin, double xMax, double yMin,
                                  double yMax, int resolution, int classes, float[] probabilities,
                                  Map<String, float[]> unitMaps) implements TrainingEvent {

    public DecisionMapCaptured {
        Map<String, float[]> copies = new LinkedHashMap<>();
        unitMaps.forEach((id, values) -> copies.put(id, values.clone()));
        unitMaps = java.util.Collections.unmodifiableMap(copies);
        probabilities = probabilities.clone();
        if (probabilities.length != resolution * resolution * classes) {
            throw new IllegalArgumentException("the probabilities do not fill the grid");
        }
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public Map<String, float[]> unitMaps() {
        Map<String, float[]> copies = new LinkedHashMap<>();
        unitMaps.forEach((id, values) -> copies.put(id, values.clone()));
        return copies;
    }

    /** Unit {@code unit}'s map of node {@code nodeId}, resolution² values row by row. */
    public float[] unitMap(String nodeId, int unit) {
        int area = resolution * resolution;
        return java.util.Arrays.copyOfRange(unitMaps.get(nodeId), unit * area, (unit + 1) * area);
    }

    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.decisionMapCaptured(this);
    }

    @Override
    public String type() {
        return "decision_map";
    }
}
