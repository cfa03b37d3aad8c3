package org.layerloom.editor.model;

import org.layerloom.engine.text.Numbers;

/**
 * How healthy one node's output looks, for its badge: the fraction of dead ReLU units and the fraction of
 * saturated sigmoid/tanh values (NaN when it does not apply). Immutable; any thread.
 */
public record NodeHealthMark(double deadFraction, double saturatedFraction) {

    /** Below this share the node counts as healthy. */
    public static final double WATCH = 0.2;
    /** From this share on the node is in trouble (as the health coach says). */
    public static final double TROUBLE = 0.5;

    /** How bad it looks. */
    public enum Level { HEALTHY, WATCH, TROUBLE }

    /** Whether there is anything to show. */
    public boolean applies() {
        return !Double.isNaN(deadFraction) || !Double.isNaN(saturatedFraction);
    }

    /** The larger of the two shares (0 when neither applies). */
    public double worst() {
        double dead = Double.isNaN(deadFraction) ? 0 : deadFraction;
        double saturated = Double.isNaN(saturatedFraction) ? 0 : saturatedFraction;
        return Math.max(dead, saturated);
    }

    public Level level() {
        double w = worst();
        return w >= TROUBLE ? Level.TROUBLE : w >= WATCH ? Level.WATCH : Level.HEALTHY;
    }

    /** The badge text: "62 % dead", "80 % saturated". */
    public String label() {
        boolean dead = !Double.isNaN(deadFraction)
                && (Double.isNaN(saturatedFraction) || deadFraction >= saturatedFraction);
        double share = dead ? deadFraction : saturatedFraction;
        return Numbers.percent(share) + " " + (dead ? "dead" : "saturated");
    }
}
