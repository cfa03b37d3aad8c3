/**
 * Reusable JavaFX and JFreeChart views fed with plain numbers (live line charts, heatmaps, image grids,
 * histograms, confusion matrices). Nothing here knows about LayerLoom's other modules; views are
 * touched on the JavaFX thread only. Being built; empty for now.
 */
package org.layerloom.charts;
