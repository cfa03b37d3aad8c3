/** Images of numbers: grids of feature maps or weights with a colour scale, heat overlays, a digit drawing pad. */
package org.layerloom.charts.image;
