package org.layerloom.engine.train.coach;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.RunFinished;

/**
 * Accuracy near chance: for a classifier with k classes, the training accuracy of the last finished epoch
 * (from epoch 2 on: the first one's mean includes the untrained start), or the mean over the last
 * {@value #WINDOW} batches once {@value #MIN_BATCHES} have run, is below chance + {@value #MARGIN} × (1 −
 * chance), chance being 1/k; no verdict before {@value #WINDOW} batches (its warm-up). At the run's end the
 * test accuracy is judged the same way, however short the run was. The advice is moot once the training
 * accuracy is clearly above the line (chance + 2 × {@value #MARGIN} × (1 − chance)). Advice is text only:
 * check the loss and labels, the output size, the normalisation, then the network's size. Stateless; any
 * thread.
 */
final class NearChanceRule implements CoachRule {

    static final int WINDOW = 50;
    static final int MIN_BATCHES = 200;
    static final double MARGIN = 0.15;

    @Override
    public CoachSituation situation() {
        return CoachSituation.NEAR_CHANCE;
    }

    @Override
    public int warmUpBatches() {
        return WINDOW;
    }

    @Override
    public Optional<CoachAdvice> check(MetricHistory history, CoachContext context) {
        List<BatchEnded> batches = history.batches();
        if (context.classes() < 2 || batches.isEmpty()) {
            return Optional.empty();
        }
        BatchEnded last = batches.get(batches.size() - 1);
        List<EpochEnded> epochs = history.epochs();
        String when;
        double accuracy;
        if (!epochs.isEmpty() && epochs.get(epochs.size() - 1).epoch() == last.epoch()) {
            if (last.epoch() < 2) {
                return Optional.empty();
            }
            accuracy = epochs.get(epochs.size() - 1).trainAccuracy();
            when = "after epoch " + last.epoch();
        } else if (batches.size() >= MIN_BATCHES) {
            accuracy = MetricHistory.mean(batches, batches.size() - WINDOW, batches.size(), BatchEnded::accuracy);
            when = "over the last " + WINDOW + " of " + batches.size() + " batches";
        } else {
            return Optional.empty();
        }
        if (Double.isNaN(accuracy) || accuracy >= line(context, 1)) {
            return Optional.empty();
        }
        return Optional.of(advice(context, "Training accuracy is " + Numbers.percent(accuracy) + " " + when,
                last.epoch(), last.step()));
    }

    @Override
    public boolean moot(CoachAdvice advice, MetricHistory history, CoachContext context) {
        List<EpochEnded> epochs = history.epochs();
        if (!epochs.isEmpty() && epochs.get(epochs.size() - 1).epoch() > advice.epoch()) {
            return epochs.get(epochs.size() - 1).trainAccuracy() >= line(context, 2);
        }
        List<BatchEnded> batches = history.batches();
        int n = batches.size();
        return history.batchesAfter(advice.step()) >= WINDOW
                && MetricHistory.mean(batches, n - WINDOW, n, BatchEnded::accuracy) >= line(context, 2);
    }

    @Override
    public Optional<CoachAdvice> atEnd(RunFinished finished, MetricHistory history, CoachContext context) {
        double accuracy = finished.test().accuracy();
        if (context.classes() < 2 || !finished.test().isClassification() || Double.isNaN(accuracy)
                || accuracy >= line(context, 1)) {
            return Optional.empty();
        }
        long step = history.lastBatch().map(BatchEnded::step).orElse(0L);
        return Optional.of(advice(context, "Test accuracy is " + Numbers.percent(accuracy) + " after "
                + finished.epochsDone() + (finished.epochsDone() == 1 ? " epoch" : " epochs"),
                finished.epochsDone(), step));
    }

    /** Chance plus {@code margins} × {@value #MARGIN} of the way from chance to 100 %. */
    private static double line(CoachContext context, int margins) {
        double chance = 1.0 / context.classes();
        return chance + margins * MARGIN * (1 - chance);
    }

    private static CoachAdvice advice(CoachContext context, String accuracy, int epoch, long step) {
        return new CoachAdvice(CoachSituation.NEAR_CHANCE, "Hardly better than guessing",
                accuracy + "; guessing among " + context.classes() + " classes gives "
                        + Numbers.percent(1.0 / context.classes()) + ".",
                "Check that the loss fits the labels (softmax cross-entropy for classes), that the output layer has"
                        + " one unit per class and the inputs are normalised; then try a larger network, ReLU"
                        + " activations or a larger learning rate.",
                List.of(), epoch, step);
    }
}
