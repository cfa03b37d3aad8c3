package org.layerloom.engine.compress;

/** Rounding a float32 to the nearest IEEE-754 half-precision value (ties to even), as float32. Any thread. */
final class Half {

    private static final float MAX = 65504f;

    private Half() {
    }

    static float round(float x) {
        if (Float.isNaN(x) || Float.isInfinite(x) || x == 0f) {
            return x;
        }
        float a = Math.abs(x);
        int exponent = Math.getExponent(a);
        // Half has 10 fraction bits; below 2^-14 the spacing stays 2^-24 (subnormals).
        int spacingExponent = Math.max(exponent, -14) - 10;
        double spacing = Math.scalb(1.0, spacingExponent);
        double rounded = Math.rint(a / spacing) * spacing;
        if (rounded > MAX) {
            // Values at or beyond max + half a step overflow to infinity, as the hardware conversion does.
            rounded = a >= 65520f ? Double.POSITIVE_INFINITY : MAX;
        }
        return (float) Math.copySign(rounded, x);
    }
}
