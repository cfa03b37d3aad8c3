package org.layerloom.app.inspect;

import java.util.LinkedHashMap;
import java.util.Map;
import org.layerloom.engine.inspect.DecisionMap;
import org.layerloom.engine.train.event.DecisionMapCaptured;

/**
 * One decision-map picture for 2-D inputs, whether computed from a saved run or sent live by training:
 * the rectangle of the plane, {@code resolution} × {@code resolution} cells (row 0 at the top) with
 * {@code classes} probabilities each, every unit's map of the first hidden layers by node id, and when it
 * was taken. Immutable (arrays are shared read-only: they come from immutable engine values); any thread.
 *
 * @param when e.g. "epoch 3, batch 40" or "saved run"
 */
public record PlaneFrame(double xMin, double xMax, double yMin, double yMax, int resolution, int classes,
                         float[] probabilities, Map<String, float[]> unitMaps, String when) {

    /** The frame of a live capture. */
    public static PlaneFrame of(DecisionMapCaptured event) {
        return new PlaneFrame(event.xMin(), event.xMax(), event.yMin(), event.yMax(), event.resolution(),
                event.classes(), event.probabilities(), event.unitMaps(),
                "epoch " + event.epoch() + ", batch " + event.batch());
    }

    /** The frame of a map computed on a saved run. */
    public static PlaneFrame of(DecisionMap map, String when) {
        Map<String, float[]> units = new LinkedHashMap<>(map.unitMaps());
        return new PlaneFrame(map.bounds().xMin(), map.bounds().xMax(), map.bounds().yMin(), map.bounds().yMax(),
                map.width(), map.classes(), map.probabilities(), units, when);
    }

    /** The number of units mapped for {@code nodeId}. */
    public int unitCount(String nodeId) {
        float[] all = unitMaps.get(nodeId);
        return all == null ? 0 : all.length / (resolution * resolution);
    }

    /** Unit {@code unit}'s map of {@code nodeId}, row by row. */
    public float[] unitMap(String nodeId, int unit) {
        int area = resolution * resolution;
        return java.util.Arrays.copyOfRange(unitMaps.get(nodeId), unit * area, (unit + 1) * area);
    }
}
