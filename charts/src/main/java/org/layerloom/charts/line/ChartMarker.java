package org.layerloom.charts.line;

/** A vertical marker at {@code x} with a short label, e.g. "lr 0.01 → 0.001 at epoch 3". Immutable. */
public record ChartMarker(double x, String label) {
}
