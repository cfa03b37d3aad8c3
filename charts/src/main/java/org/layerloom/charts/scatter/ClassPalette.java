package org.layerloom.charts.scatter;

import java.util.List;
import javafx.scene.paint.Color;

/**
 * The colours of classes in point plots and decision maps: ten distinct hues that stay apart for common
 * colour-vision deficiencies (after Okabe–Ito and Tableau 10), repeated past ten. Stateless; any thread.
 */
public final class ClassPalette {

    private static final List<Color> COLORS = List.of(Color.web("#2f6fdb"), Color.web("#e07a1f"),
            Color.web("#2e9e5b"), Color.web("#c2367a"), Color.web("#7a52c7"), Color.web("#8c6d31"),
            Color.web("#17a2b8"), Color.web("#d4a017"), Color.web("#5f6b7a"), Color.web("#b3261e"));

    private ClassPalette() {
    }

    /** The colour of class {@code index}. */
    public static Color of(int index) {
        return COLORS.get(Math.floorMod(index, COLORS.size()));
    }

    /** The colour of class {@code index} packed as opaque RGB. */
    public static int rgb(int index) {
        Color c = of(index);
        return ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

    /**
     * The ARGB colour of a decision-map cell: the class colours mixed by their probabilities, washed
     * towards {@code paper} so that the points on top stay readable; sure cells are stronger than unsure ones.
     */
    public static int mix(float[] probabilities, int offset, int classes, Color paper, double strength) {
        double r = 0;
        double g = 0;
        double b = 0;
        double top = 0;
        for (int c = 0; c < classes; c++) {
            double p = probabilities[offset + c];
            Color k = of(c);
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
