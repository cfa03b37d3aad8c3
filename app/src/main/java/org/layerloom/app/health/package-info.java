/**
 * The training-health view: per layer activation statistics, dead and saturated shares, gradient norms and
 * update ratios of a run's health captures, their history as lines and weight-histogram heatmaps, and a
 * scrubber over the captures that also drives the health overlay on the editor's graph.
 */
package org.layerloom.app.health;
