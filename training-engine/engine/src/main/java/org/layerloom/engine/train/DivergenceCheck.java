package org.layerloom.engine.train;

import java.util.Locale;
import java.util.Optional;

/**
 * Spots a run that has diverged after updates (the loss is NaN or infinite, or has grown a thousandfold
 * over its best) and explains it in a student's words with a learning rate to try, saying where (epoch,
 * batch). A loss that is not finite before any update, or on data that is not finite, never reaches it:
 * {@link NotFiniteCheck} explains those without learning-rate advice. Worker thread only.
 */
public final class DivergenceCheck {

    private static final double EXPLOSION = 1000;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private long steps;

    /** The reason to stop, or empty while the loss is sane. */
    public Optional<String> check(double loss, int epoch, int batch, double learningRate) {
        steps++;
        String where = "at epoch " + epoch + " batch " + batch;
        if (Double.isNaN(loss) || Double.isInfinite(loss)) {
            return Optional.of("The loss became " + (Double.isNaN(loss) ? "NaN (not a number)" : "infinite") + " "
                    + where + ", so the weights no longer mean anything. " + advice(learningRate));
        }
        if (steps > 20 && loss > EXPLOSION * Math.max(bestLoss, 1e-3)) {
            return Optional.of(String.format(Locale.ROOT, "The loss exploded %s, from %.3g to %.3g. %s",
                    where, bestLoss, loss, advice(learningRate)));
        }
        bestLoss = Math.min(bestLoss, loss);
        return Optional.empty();
    }

    static String advice(double learningRate) {
        double suggestion = Math.max(1e-5, Math.min(0.001, learningRate / 10));
        return String.format(Locale.ROOT, "The learning rate %s is probably too high: try %s. If the data is not"
                + " normalised, normalising it helps too.", format(learningRate), format(suggestion));
    }

    /** A learning rate as a student writes it: 0.001, 1000000, or 1E-7 for tiny ones. */
    static String format(double x) {
        java.math.BigDecimal value = java.math.BigDecimal.valueOf(x).round(new java.math.MathContext(4))
                .stripTrailingZeros();
        return x >= 1e-5 && x < 1e9 ? value.toPlainString() : value.toString();
    }
}
