package org.layerloom.charts.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * The labels a scatter draws beside its points when several points sit at the same place: the first point there
 * keeps its name and says how many more share the place ("A +2"), the others get none, so labels never print
 * over each other. Stateless; any thread.
 */
final class SharedLabels {

    private SharedLabels() {
    }

    /** One label per point, in order. */
    static List<String> of(List<ScatterPoint> points) {
        int[] more = new int[points.size()];
        int[] firstOf = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            firstOf[i] = firstAtSamePlace(points, i);
            if (firstOf[i] < i) {
                more[firstOf[i]]++;
            }
        }
        List<String> labels = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            labels.add(firstOf[i] < i ? "" : more[i] == 0 ? points.get(i).label() : points.get(i).label() + " +" + more[i]);
        }
        return labels;
    }

    private static int firstAtSamePlace(List<ScatterPoint> points, int index) {
        ScatterPoint point = points.get(index);
        for (int j = 0; j < index; j++) {
            ScatterPoint other = points.get(j);
            if (other.parameters() == point.parameters() && Double.compare(other.accuracy(), point.accuracy()) == 0) {
                return j;
            }
        }
        return index;
    }
}
