package org.layerloom.app.health;

import java.util.Locale;
import org.layerloom.engine.text.Numbers;

/**
 * One layer's line in the health table, for one capture: its name and kind, activation mean and standard
 * deviation, dead and saturated shares, gradient norm and update ratio (NaN where they do not apply), and
 * how the update ratio compares with the rule of thumb of about 1e-3. Immutable; any thread.
 */
public record LayerRow(String nodeId, String name, String kind, String activation, double mean, double std,
                       double dead, double saturated, double gradientNorm, double updateRatio) {

    /** The healthy update-to-parameter ratio, by the usual rule of thumb. */
    public static final double RATIO_TARGET = 1e-3;
    /** How many times off the target a ratio must be to be marked. */
    public static final double RATIO_FAR = 10;
    /** From this dead or saturated share on a layer is marked. */
    public static final double TROUBLE = 0.5;

    /** How an update ratio compares with the target. */
    public enum Ratio { NOT_APPLICABLE, HEALTHY, TOO_SMALL, TOO_LARGE }

    public Ratio ratioVerdict() {
        if (!(updateRatio > 0) || !Double.isFinite(updateRatio)) {
            return Ratio.NOT_APPLICABLE;
        }
        if (updateRatio < RATIO_TARGET / RATIO_FAR) {
            return Ratio.TOO_SMALL;
        }
        return updateRatio > RATIO_TARGET * RATIO_FAR ? Ratio.TOO_LARGE : Ratio.HEALTHY;
    }

    /** Whether the dead or saturated share is worrying. */
    public boolean troubled() {
        return dead >= TROUBLE || saturated >= TROUBLE;
    }

    /** A number for the table: three significant digits, "–" for NaN. */
    public static String number(double x) {
        if (Double.isNaN(x)) {
            return "–";
        }
        double a = Math.abs(x);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.2e", x)
                : String.format(Locale.ROOT, "%.3g", x);
    }

    /** A share for the table: "62 %", "–" for NaN. */
    public static String percent(double x) {
        return Numbers.percent(x);
    }
}
