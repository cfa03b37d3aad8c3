/**
 * Reusable JavaFX views fed with plain numbers, drawn on canvases: {@link org.layerloom.charts.CanvasChart}
 * is their base, {@link org.layerloom.charts.ColorScale} maps numbers to colours and
 * {@link org.layerloom.charts.ChartColors} carries the colours of a theme (every chart has a {@code colorsProperty()}). Sub-packages: {@code image} (image grids,
 * overlays, a drawing pad), {@code heatmap} (heatmaps, bar strips, colour bars), {@code scatter} (class
 * plots with decision maps). Nothing here knows about LayerLoom's other modules; views are touched on the
 * JavaFX thread only.
 */
package org.layerloom.charts;
