/**
 * Charts of how a network's numbers change over training: {@link org.layerloom.charts.histogram.HistogramHeatmap}
 * (a layer's weight histograms over time as a time × value density map) and
 * {@link org.layerloom.charts.histogram.SignalLinesView} (one line per layer of a signal such as the gradient
 * norm, on a log scale, with a reference line and a time marker). Fed with plain numbers; drawn on a canvas
 * on the JavaFX thread; the arithmetic lives in toolkit-free classes ({@link org.layerloom.charts.histogram.DensityGrid},
 * {@link org.layerloom.charts.histogram.AxisTicks}).
 */
package org.layerloom.charts.histogram;
