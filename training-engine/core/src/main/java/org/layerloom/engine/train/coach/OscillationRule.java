package org.layerloom.engine.train.coach;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.EpochEnded;

/**
 * The loss oscillates: over the last {@value #SPAN} batches (since the last learning-rate change) it
 * made no progress (the second half's mean at least {@value #NO_PROGRESS} of the first's), it swings
 * (standard deviation at least {@value #SWING} of its mean) and it is still high (above half the loss of
 * the first {@value DivergenceRule#WINDOW} batches); or the epoch training loss went up and down three
 * times in a row by more than 5 % and the last of those four epochs is not {@value #EPOCH_STEP} below the
 * first (a loss that wobbles on its way down does not oscillate). No verdict before
 * {@value #SPAN} + {@value DivergenceRule#WINDOW} batches at the current rate (its warm-up); moot once the loss
 * has fallen clearly since. Advice: a 3× smaller learning rate. Stateless; any thread.
 */
final class OscillationRule implements CoachRule {

    static final int SPAN = 60;
    static final double NO_PROGRESS = 0.97;
    static final double SWING = 0.35;
    static final double EPOCH_STEP = 0.05;

    @Override
    public CoachSituation situation() {
        return CoachSituation.OSCILLATING;
    }

    @Override
    public int warmUpBatches() {
        return SPAN + DivergenceRule.WINDOW;
    }

    @Override
    public boolean warmedUp(MetricHistory history) {
        return history.recentBatches().size() >= warmUpBatches();
    }

    @Override
    public boolean moot(CoachAdvice advice, MetricHistory history, CoachContext context) {
        return PlateauRule.lossFellSince(advice, history);
    }

    @Override
    public Optional<CoachAdvice> check(MetricHistory history, CoachContext context) {
        List<BatchEnded> batches = history.recentBatches();
        int n = batches.size();
        if (n >= SPAN + DivergenceRule.WINDOW) {
            double start = MetricHistory.mean(batches, 0, DivergenceRule.WINDOW, BatchEnded::loss);
            double firstHalf = MetricHistory.mean(batches, n - SPAN, n - SPAN / 2, BatchEnded::loss);
            double secondHalf = MetricHistory.mean(batches, n - SPAN / 2, n, BatchEnded::loss);
            double mean = (firstHalf + secondHalf) / 2;
            double variance = 0;
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (int i = n - SPAN; i < n; i++) {
                double loss = batches.get(i).loss();
                variance += (loss - mean) * (loss - mean) / SPAN;
                low = Math.min(low, loss);
                high = Math.max(high, loss);
            }
            double std = Math.sqrt(variance);
            if (secondHalf >= NO_PROGRESS * firstHalf && std >= SWING * mean && mean > start / 2) {
                return advice(batches.get(n - 1), "Over the last " + SPAN + " batches the loss jumped between "
                        + Numbers.significant(low) + " and " + Numbers.significant(high) + " (mean " + Numbers.significant(mean)
                        + ") without going down.");
            }
        }
        List<EpochEnded> epochs = history.recentEpochs();
        int e = epochs.size();
        if (e >= 4 && !batches.isEmpty()) {
            double[] d = new double[3];
            for (int i = 0; i < 3; i++) {
                double before = epochs.get(e - 4 + i).trainLoss();
                d[i] = (epochs.get(e - 3 + i).trainLoss() - before) / before;
            }
            boolean alternating = Math.signum(d[0]) == -Math.signum(d[1]) && Math.signum(d[1]) == -Math.signum(d[2]);
            boolean noProgress = epochs.get(e - 1).trainLoss() > (1 - EPOCH_STEP) * epochs.get(e - 4).trainLoss();
            if (alternating && noProgress && Math.abs(d[0]) > EPOCH_STEP && Math.abs(d[1]) > EPOCH_STEP
                    && Math.abs(d[2]) > EPOCH_STEP) {
                StringBuilder seq = new StringBuilder();
                for (int i = e - 4; i < e; i++) {
                    seq.append(i > e - 4 ? " → " : "").append(Numbers.significant(epochs.get(i).trainLoss()));
                }
                return advice(batches.get(n - 1), "The training loss went up and down from epoch to epoch: "
                        + seq + ".");
            }
        }
        return Optional.empty();
    }

    private static Optional<CoachAdvice> advice(BatchEnded last, String reason) {
        double rate = last.learningRate();
        return Optional.of(new CoachAdvice(CoachSituation.OSCILLATING, "The loss jumps up and down", reason,
                "The steps overshoot the valley: lower the learning rate about 3×, or use a schedule that lowers it"
                        + " over time.",
                List.of(new SettingChange(Setting.LEARNING_RATE, rate, LearningRates.scaled(rate, 1 / 3.0))),
                last.epoch(), last.step()));
    }
}
