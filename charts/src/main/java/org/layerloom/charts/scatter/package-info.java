/** Class-coloured point plots with a legend, optional decision-map backgrounds and click-to-pick. */
package org.layerloom.charts.scatter;
