package org.layerloom.charts.scatter;

import javafx.scene.paint.Color;
import org.layerloom.charts.ChartColors;

/** The colour of a decision-map cell from the class probabilities there. Stateless; any thread. */
final class DecisionShading {

    private DecisionShading() {
    }

    /**
     * The ARGB colour of a decision-map cell: the class colours ({@link ChartColors#classColor}) mixed by their
     * probabilities, washed towards {@code paper} so that the points on top stay readable; sure cells are
     * stronger than unsure ones.
     */
    static int mix(float[] probabilities, int offset, int classes, Color paper, double strength) {
        double r = 0;
        double g = 0;
        double b = 0;
        double top = 0;
        for (int c = 0; c < classes; c++) {
            double p = probabilities[offset + c];
            Color k = ChartColors.classColor(c);
            r += p * k.getRed();
            g += p * k.getGreen();
            b += p * k.getBlue();
            top = Math.max(top, p);
        }
        double sure = classes > 1 ? (top - 1.0 / classes) / (1 - 1.0 / classes) : 1;
        double w = strength * (0.35 + 0.65 * Math.max(0, sure));
        int ri = (int) Math.round(255 * (paper.getRed() * (1 - w) + r * w));
        int gi = (int) Math.round(255 * (paper.getGreen() * (1 - w) + g * w));
        int bi = (int) Math.round(255 * (paper.getBlue() * (1 - w) + b * w));
        return 0xff000000 | (clamp(ri) << 16) | (clamp(gi) << 8) | clamp(bi);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
