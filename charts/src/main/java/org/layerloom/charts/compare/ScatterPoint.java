package org.layerloom.charts.compare;

/** One run in the accuracy-against-size scatter: its label, parameter count and accuracy (0-1). Immutable. */
public record ScatterPoint(String label, long parameters, double accuracy) {
}
