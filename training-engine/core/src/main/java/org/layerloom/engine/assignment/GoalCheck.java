package org.layerloom.engine.assignment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.layerloom.engine.train.event.EpochEnded;

/**
 * Judges goals: structural ones on a network's {@link NetworkFacts}, run ones on a run's {@link RunFacts}
 * (not yet known without a run). Each verdict says in one sentence what was measured against what.
 * Stateless; any thread.
 */
public final class GoalCheck {

    private GoalCheck() {
    }

    /** The verdicts of every goal of {@code assignment}, in its order. */
    public static List<GoalVerdict> checkAll(Assignment assignment, NetworkFacts network, Optional<RunFacts> run) {
        return assignment.goals().stream().map(g -> check(g, network, run)).toList();
    }

    /** Whether every verdict is met (true for no goals). */
    public static boolean allMet(List<GoalVerdict> verdicts) {
        return verdicts.stream().allMatch(GoalVerdict::met);
    }

    /** The verdict of {@code goal} on {@code network} and, for a run goal, {@code run}. */
    public static GoalVerdict check(Goal goal, NetworkFacts network, Optional<RunFacts> run) {
        if (goal instanceof Goal.MaxParameters g) {
            return maxParameters(g, network);
        }
        if (goal instanceof Goal.UsesLayer g) {
            int n = network.count(g.layer());
            return n > 0 ? met(g, g.describe() + "? ✓ — " + (n == 1 ? "one" : n + " of them"))
                    : missed(g, g.describe() + "? ✗ — there is none; add one from the palette");
        }
        if (goal instanceof Goal.MaxDenseUnits g) {
            if (network.widestDense().isEmpty()) {
                return met(g, "Dense layers at most " + Goal.whole(g.max()) + " units wide? ✓ — there are none");
            }
            int widest = network.widestDenseUnits();
            String name = network.widestDense().get().name();
            String sentence = "Widest Dense layer " + Goal.whole(widest) + " ≤ " + Goal.whole(g.max()) + " units?";
            return widest <= g.max() ? met(g, sentence + " ✓")
                    : missed(g, sentence + " ✗ — \"" + name + "\" has " + Goal.whole(widest - g.max()) + " too many");
        }
        if (run.isEmpty()) {
            return new GoalVerdict(goal, GoalVerdict.Status.UNKNOWN,
                    goal.describe() + ": not yet known — train a run to find out");
        }
        RunFacts facts = run.get();
        if (goal instanceof Goal.MinTestAccuracy g) {
            if (facts.testAccuracy().isEmpty()) {
                return unknown(g, g.describe() + ": not known — the run measured no test accuracy");
            }
            return atLeast(g, "Test accuracy", facts.testAccuracy().getAsDouble(), g.min());
        }
        if (goal instanceof Goal.MinValidationAccuracy g) {
            double best = facts.history().stream().mapToDouble(EpochEnded::validationAccuracy)
                    .filter(Double::isFinite).max().orElse(Double.NaN);
            if (Double.isNaN(best)) {
                return unknown(g, g.describe() + ": not known — the run measured no validation accuracy");
            }
            return atLeast(g, "Best validation accuracy", best, g.min());
        }
        if (goal instanceof Goal.MaxEpochs g) {
            int epochs = facts.epochs();
            String sentence = "Epochs " + epochs + " ≤ " + g.max() + "?";
            return epochs <= g.max() ? met(g, sentence + " ✓")
                    : missed(g, sentence + " ✗ — " + (epochs - g.max()) + " too many");
        }
        if (goal instanceof Goal.ValidationLossNotRising g) {
            return lossNotRising(g, facts.history());
        }
        throw new IllegalArgumentException("unknown goal " + goal);
    }

    private static GoalVerdict maxParameters(Goal.MaxParameters g, NetworkFacts network) {
        if (network.parameters().isEmpty()) {
            return unknown(g, g.describe() + ": not known while the network has errors");
        }
        long n = network.parameters().get();
        String sentence = "Parameters " + Goal.whole(n) + " ≤ " + Goal.whole(g.max()) + "?";
        return n <= g.max() ? met(g, sentence + " ✓") : missed(g, sentence + " ✗ — " + Goal.whole(n - g.max())
                + " too many");
    }

    private static GoalVerdict atLeast(Goal g, String what, double value, double min) {
        String sentence = what + " " + decimals(value) + " ≥ " + Goal.fraction(min) + "?";
        if (value >= min) {
            return met(g, sentence + " ✓");
        }
        return missed(g, sentence + " ✗ — " + String.format(Locale.ROOT, "%.1f", (min - value) * 100)
                + " points short");
    }

    private static GoalVerdict lossNotRising(Goal.ValidationLossNotRising g, List<EpochEnded> history) {
        List<EpochEnded> measured = history.stream().filter(e -> Double.isFinite(e.validationLoss())).toList();
        if (measured.size() < 2) {
            return unknown(g, g.describe() + ": not known — it needs validation losses of at least two epochs");
        }
        EpochEnded lowest = measured.get(0);
        for (EpochEnded e : measured) {
            if (e.validationLoss() < lowest.validationLoss()) {
                lowest = e;
            }
        }
        EpochEnded last = measured.get(measured.size() - 1);
        double rise = lowest.validationLoss() > 0 ? last.validationLoss() / lowest.validationLoss() - 1 : 0;
        String sentence = "Validation loss " + decimals(last.validationLoss()) + " at the end, lowest "
                + decimals(lowest.validationLoss()) + " (epoch " + lowest.epoch() + "): within "
                + Goal.percent(g.tolerance()) + "?";
        return rise <= g.tolerance() ? met(g, sentence + " ✓")
                : missed(g, sentence + " ✗ — it rose " + Goal.percent(Math.round(rise * 1000) / 1000.0));
    }

    /** Three decimals: 0.973. */
    static String decimals(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static GoalVerdict met(Goal g, String sentence) {
        return new GoalVerdict(g, GoalVerdict.Status.MET, sentence);
    }

    private static GoalVerdict missed(Goal g, String sentence) {
        return new GoalVerdict(g, GoalVerdict.Status.MISSED, sentence);
    }

    private static GoalVerdict unknown(Goal g, String sentence) {
        return new GoalVerdict(g, GoalVerdict.Status.UNKNOWN, sentence);
    }
}
