package org.layerloom.charts;

import java.util.Locale;
import javafx.scene.paint.Color;

/**
 * Maps numbers to colours for heatmaps, feature maps and their colour bars: a sequential scale
 * (a viridis-like ramp from dark blue to yellow, for values of one sign such as ReLU outputs or
 * probabilities), a diverging scale (blue for negative, white at zero, red for positive, for weights and
 * gradients) or a heat scale (transparent black through red to yellow, for overlays). Values outside
 * [{@code min}, {@code max}] are clamped; NaN is grey. Immutable; any thread.
 */
public final class ColorScale {

    /** The shape of the colour ramp. */
    public enum Kind { SEQUENTIAL, DIVERGING, HEAT }

    private static final int[] VIRIDIS = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};
    private static final int[] DIVERGING = {0x2166ac, 0x67a9cf, 0xf7f7f7, 0xef8a62, 0xb2182b};
    private static final int[] HEAT = {0x000000, 0x7f0000, 0xe31a1c, 0xfd8d3c, 0xffffb2};

    private final Kind kind;
    private final double min;
    private final double max;

    private ColorScale(Kind kind, double min, double max) {
        if (!(max > min)) {
            double centre = Double.isFinite(min) ? min : 0;
            min = centre - 0.5;
            max = centre + 0.5;
        }
        this.kind = kind;
        this.min = min;
        this.max = max;
    }

    /** A sequential ramp over [min, max]. */
    public static ColorScale sequential(double min, double max) {
        return new ColorScale(Kind.SEQUENTIAL, min, max);
    }

    /** A diverging ramp over [−limit, limit], white at zero. */
    public static ColorScale diverging(double limit) {
        double l = Math.abs(limit) > 0 && Double.isFinite(limit) ? Math.abs(limit) : 1;
        return new ColorScale(Kind.DIVERGING, -l, l);
    }

    /** A heat ramp over [0, 1] for overlays (black is drawn transparent by {@link #argb(double, double)}). */
    public static ColorScale heat() {
        return new ColorScale(Kind.HEAT, 0, 1);
    }

    /** Diverging around zero when the values have both signs, else sequential over their range. */
    public static ColorScale fitting(float[] values) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return sequential(0, 1);
        }
        return lo < 0 && hi > 0 ? diverging(Math.max(-lo, hi)) : sequential(lo, hi);
    }

    public Kind kind() {
        return kind;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** Where {@code value} falls on the ramp, 0 to 1. */
    public double position(double value) {
        return Math.max(0, Math.min(1, (value - min) / (max - min)));
    }

    /** The opaque colour of {@code value}, packed as ARGB. */
    public int argb(double value) {
        return argb(value, 1);
    }

    /**
     * The colour of {@code value} with opacity {@code alpha} (0 to 1), packed as ARGB; on a heat scale the
     * opacity also grows with the value, so that cold regions leave the image below visible.
     */
    public int argb(double value, double alpha) {
        if (Double.isNaN(value)) {
            return pack((int) Math.round(alpha * 255), 0x9a9a9a);
        }
        double t = position(value);
        int[] stops = switch (kind) {
            case SEQUENTIAL -> VIRIDIS;
            case DIVERGING -> DIVERGING;
            case HEAT -> HEAT;
        };
        double a = kind == Kind.HEAT ? alpha * Math.min(1, t * 1.6) : alpha;
        return pack((int) Math.round(Math.max(0, Math.min(1, a)) * 255), interpolate(stops, t));
    }

    /** The colour of {@code value} as a JavaFX colour. */
    public Color color(double value) {
        int c = argb(value);
        return Color.rgb((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff, ((c >>> 24) & 0xff) / 255.0);
    }

    /** A short label for a tick value of this scale, e.g. "0.25", "-1.3e-03". */
    public static String format(double value) {
        double a = Math.abs(value);
        if (value == 0) {
            return "0";
        }
        if (a >= 1e4 || a < 1e-2) {
            return String.format(Locale.ROOT, "%.1e", value);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", value);
    }

    private static int interpolate(int[] stops, double t) {
        double scaled = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(scaled));
        double f = scaled - i;
        int a = stops[i];
        int b = stops[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - f) + ((b >> 16) & 0xff) * f);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - f) + ((b >> 8) & 0xff) * f);
        int bl = (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
        return (r << 16) | (g << 8) | bl;
    }

    private static int pack(int alpha, int rgb) {
        return (alpha << 24) | (rgb & 0xffffff);
    }

    @Override
    public String toString() {
        return "ColorScale[" + kind + " " + min + ".." + max + "]";
    }
}
