/** Matrices as coloured cells with axis labels and a colour bar, bar strips of vectors, colour-bar legends. */
package org.layerloom.charts.heatmap;
