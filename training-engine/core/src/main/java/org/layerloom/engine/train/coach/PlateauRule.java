package org.layerloom.engine.train.coach;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.EpochEnded;

/**
 * The loss plateaus early, while it is still high: in the first two epochs (or first half of the run), the mean loss
 * of the last {@value #HALF} batches is less than {@value #MIN_GAIN} below that of the {@value #HALF}
 * before and still above {@value #STILL_HIGH} of the first {@value DivergenceRule#WINDOW} batches' mean;
 * or, in the first half of the epochs, the training loss fell less than 1 % over two epochs while above
 * half its start. No verdict before {@value #MIN_BATCHES} batches at the current rate (its warm-up). The
 * advice is moot once the loss has fallen {@value #FELL} below where it was when the card came. Advice: a
 * 3× larger learning rate and a look at the input normalisation. Stateless; any thread.
 */
final class PlateauRule implements CoachRule {

    static final int HALF = 50;
    static final int MIN_BATCHES = 150;
    static final double MIN_GAIN = 0.02;
    static final double STILL_HIGH = 0.8;
    static final double FELL = 0.1;

    @Override
    public CoachSituation situation() {
        return CoachSituation.EARLY_PLATEAU;
    }

    @Override
    public int warmUpBatches() {
        return MIN_BATCHES;
    }

    @Override
    public boolean warmedUp(MetricHistory history) {
        return history.recentBatches().size() >= warmUpBatches();
    }

    @Override
    public boolean moot(CoachAdvice advice, MetricHistory history, CoachContext context) {
        return lossFellSince(advice, history);
    }

    /**
     * Whether, {@value DivergenceRule#WINDOW} batches or more after {@code advice}, the loss's mean over the
     * last {@value DivergenceRule#WINDOW} batches is {@value #FELL} below its mean over the
     * {@value DivergenceRule#WINDOW} up to the advice.
     */
    static boolean lossFellSince(CoachAdvice advice, MetricHistory history) {
        int window = DivergenceRule.WINDOW;
        if (history.batchesAfter(advice.step()) < window) {
            return false;
        }
        return history.recentMeanLoss(window) < (1 - FELL) * history.meanLossUpTo(advice.step(), window);
    }

    @Override
    public Optional<CoachAdvice> check(MetricHistory history, CoachContext context) {
        List<BatchEnded> batches = history.recentBatches();
        int n = batches.size();
        if (n < DivergenceRule.WINDOW) {
            return Optional.empty();
        }
        BatchEnded last = batches.get(n - 1);
        int totalEpochs = history.started().map(s -> s.epochs()).orElse(last.epoch());
        double start = MetricHistory.mean(batches, 0, DivergenceRule.WINDOW, BatchEnded::loss);
        if (n >= MIN_BATCHES && last.epoch() <= Math.max(2, totalEpochs / 2)) {
            double before = MetricHistory.mean(batches, n - 2 * HALF, n - HALF, BatchEnded::loss);
            double recent = MetricHistory.mean(batches, n - HALF, n, BatchEnded::loss);
            if (recent > (1 - MIN_GAIN) * before && recent > STILL_HIGH * start) {
                return advice(last, "After " + n + " batches the loss is still " + Numbers.significant(recent)
                        + " (it started at " + Numbers.significant(start) + ") and has stopped falling.");
            }
        }
        List<EpochEnded> epochs = history.recentEpochs();
        int e = epochs.size();
        if (e >= 3 && epochs.get(e - 1).epoch() <= Math.max(2, totalEpochs / 2)) {
            double twoAgo = epochs.get(e - 3).trainLoss();
            double now = epochs.get(e - 1).trainLoss();
            if (now > 0.99 * twoAgo && now > start / 2) {
                return advice(last, "The training loss went from " + Numbers.significant(twoAgo) + " to "
                        + Numbers.significant(now) + " in two epochs, while it started at " + Numbers.significant(start) + ".");
            }
        }
        return Optional.empty();
    }

    private static Optional<CoachAdvice> advice(BatchEnded last, String reason) {
        double rate = last.learningRate();
        return Optional.of(new CoachAdvice(CoachSituation.EARLY_PLATEAU, "Learning has stalled early", reason,
                "Raise the learning rate about 3×, and check that the inputs are normalised (pixels scaled to 0..1,"
                        + " features standardised).",
                List.of(new SettingChange(Setting.LEARNING_RATE, rate, LearningRates.scaled(rate, 3))),
                last.epoch(), last.step()));
    }
}
