package org.layerloom.engine.train.coach;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.EpochEnded;

/**
 * The loss diverges: it became NaN or infinite; or one batch's loss jumped to {@value #SPIKE}× the first
 * batch's (since the last learning-rate change); or its mean over the last {@value #WINDOW} batches is
 * {@value #RISE}× its mean over the first {@value #WINDOW} (since the last learning-rate change); or it
 * blew back up to {@value #BLOW_UP}× its best {@value #WINDOW}-batch mean and half its start; or the
 * training loss rose by more than 10 % in each of two epochs in a row. Advice: a 10× smaller learning
 * rate. A loss that is not finite on the first step (before any update) is not advised on: the rate cannot
 * be its cause. A runaway loss is urgent: it needs no warm-up beyond a first batch to compare with and is
 * advised even within the cooldown of another card on the learning rate. Stateless; any thread.
 */
final class DivergenceRule implements CoachRule {

    static final int WINDOW = 20;
    static final double RISE = 1.5;
    static final double BLOW_UP = 3;
    static final double EPOCH_RISE = 1.1;
    static final double SPIKE = 10;

    @Override
    public CoachSituation situation() {
        return CoachSituation.DIVERGING;
    }

    @Override
    public int warmUpBatches() {
        return 1;
    }

    @Override
    public boolean warmedUp(MetricHistory history) {
        return history.recentBatches().size() >= warmUpBatches();
    }

    @Override
    public boolean urgent() {
        return true;
    }

    @Override
    public Optional<CoachAdvice> check(MetricHistory history, CoachContext context) {
        List<BatchEnded> batches = history.recentBatches();
        if (batches.isEmpty()) {
            return Optional.empty();
        }
        BatchEnded last = batches.get(batches.size() - 1);
        if (!Double.isFinite(last.loss()) && last.step() <= 1) {
            // Not a number before any update is the data's or a kernel's doing (OutputNotFinite), not the rate's.
            return Optional.empty();
        }
        if (!Double.isFinite(last.loss())) {
            return advice(last, "The loss became " + Numbers.significant(last.loss()) + " at epoch " + last.epoch()
                    + ", batch " + last.batch() + ": the steps are so large that the numbers overflowed.");
        }
        double start = batches.get(0).loss();
        if (batches.size() > 1 && last.loss() > SPIKE * start) {
            return advice(last, "The loss jumped from " + Numbers.significant(start) + " to " + Numbers.significant(last.loss())
                    + " at epoch " + last.epoch() + ", batch " + last.batch() + ": the steps overshoot.");
        }
        int n = batches.size();
        if (n >= 2 * WINDOW) {
            double first = MetricHistory.mean(batches, 0, WINDOW, BatchEnded::loss);
            double recent = MetricHistory.mean(batches, n - WINDOW, n, BatchEnded::loss);
            double best = first;
            for (int i = WINDOW; i <= n - WINDOW; i += WINDOW / 2) {
                best = Math.min(best, MetricHistory.mean(batches, i, i + WINDOW, BatchEnded::loss));
            }
            if (recent > RISE * first) {
                return advice(last, "The loss rose from " + Numbers.significant(first) + " (first " + WINDOW
                        + " batches) to " + Numbers.significant(recent) + " (last " + WINDOW + ").");
            }
            if (recent > BLOW_UP * best && recent > first / 2) {
                return advice(last, "The loss fell to " + Numbers.significant(best) + " and then rose again to "
                        + Numbers.significant(recent) + " (means over " + WINDOW + " batches).");
            }
        }
        List<EpochEnded> epochs = history.recentEpochs();
        int e = epochs.size();
        if (e >= 3 && epochs.get(e - 1).trainLoss() > EPOCH_RISE * epochs.get(e - 2).trainLoss()
                && epochs.get(e - 2).trainLoss() > EPOCH_RISE * epochs.get(e - 3).trainLoss()) {
            return advice(last, "The training loss rose two epochs in a row: " + Numbers.significant(epochs.get(e - 3)
                    .trainLoss()) + " → " + Numbers.significant(epochs.get(e - 2).trainLoss()) + " → "
                    + Numbers.significant(epochs.get(e - 1).trainLoss()) + ".");
        }
        return Optional.empty();
    }

    private static Optional<CoachAdvice> advice(BatchEnded last, String reason) {
        double rate = last.learningRate();
        return Optional.of(new CoachAdvice(CoachSituation.DIVERGING, "The loss is running away", reason,
                "Lower the learning rate, about 10× smaller; a gradient clip of 1 also keeps single steps in check.",
                List.of(new SettingChange(Setting.LEARNING_RATE, rate, LearningRates.scaled(rate, 0.1))),
                last.epoch(), last.step()));
    }
}
