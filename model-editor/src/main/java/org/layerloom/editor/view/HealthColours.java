package org.layerloom.editor.view;

import javafx.scene.paint.Color;

/**
 * The colour scales of the health overlay: wires from a cold grey-blue (vanishing gradient) through green
 * to a hot red (exploding), activation previews in a viridis-like ramp (values of one sign) or blue–white–red
 * around zero (values of both signs). Stateless; any thread (colours are immutable).
 */
final class HealthColours {

    private static final Color[] GRADIENT = {Color.web("#9aa5b8"), Color.web("#4a7fd6"), Color.web("#1fa187"),
        Color.web("#e7b416"), Color.web("#d7263d")};
    private static final int[][] VIRIDIS = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98},
        {253, 231, 37}};
    private static final int[][] DIVERGING = {{33, 102, 172}, {146, 197, 222}, {247, 247, 247}, {244, 165, 130},
        {178, 24, 43}};

    private HealthColours() {
    }

    /** Wire colours come in this many steps, so a wire whose norm barely moved is not restyled. */
    static final int STEPS = 48;

    /** The wire colour at position {@code p} (0..1) of the gradient scale, in {@value #STEPS} steps. */
    static Color gradient(double p) {
        double x = quantised(p) * (GRADIENT.length - 1);
        int i = Math.min(GRADIENT.length - 2, (int) x);
        return GRADIENT[i].interpolate(GRADIENT[i + 1], x - i);
    }

    /** The gradient scale's stops, for the legend. */
    static Color[] gradientStops() {
        return GRADIENT.clone();
    }

    /** The wire width at position {@code p}: thin for vanishing gradients, thick for strong ones. */
    static double gradientWidth(double p) {
        return 1.5 + 3.5 * quantised(p);
    }

    private static double quantised(double p) {
        return Math.round(Math.max(0, Math.min(1, p)) * STEPS) / (double) STEPS;
    }

    /** An opaque ARGB pixel for {@code t} in 0..1 of the sequential ramp, or of the diverging one. */
    static int activation(double t, boolean diverging) {
        int[][] stops = diverging ? DIVERGING : VIRIDIS;
        double x = (Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t))) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) x);
        double f = x - i;
        int r = (int) Math.round(stops[i][0] + f * (stops[i + 1][0] - stops[i][0]));
        int g = (int) Math.round(stops[i][1] + f * (stops[i + 1][1] - stops[i][1]));
        int b = (int) Math.round(stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    /** "#rrggbb" for inline styles. */
    static String web(Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }
}
