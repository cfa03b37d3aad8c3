package org.layerloom.engine.train.coach;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.EpochEnded;

/**
 * Training accuracy near chance: for a classifier with k classes, the accuracy of the last finished epoch,
 * or the mean over the last {@value #WINDOW} batches once {@value #MIN_BATCHES} have run, is below
 * chance + {@value #MARGIN} × (1 − chance), chance being 1/k. Advice is text only: check the loss and
 * labels, the output size, the normalisation, then the network's size. Stateless; any thread.
 */
final class NearChanceRule implements CoachRule {

    static final int WINDOW = 50;
    static final int MIN_BATCHES = 200;
    static final double MARGIN = 0.1;

    @Override
    public CoachSituation situation() {
        return CoachSituation.NEAR_CHANCE;
    }

    @Override
    public Optional<CoachAdvice> check(MetricHistory history, CoachContext context) {
        List<BatchEnded> batches = history.batches();
        if (context.classes() < 2 || batches.isEmpty()) {
            return Optional.empty();
        }
        double chance = 1.0 / context.classes();
        double threshold = chance + MARGIN * (1 - chance);
        BatchEnded last = batches.get(batches.size() - 1);
        List<EpochEnded> epochs = history.epochs();
        String when;
        double accuracy;
        if (!epochs.isEmpty() && epochs.get(epochs.size() - 1).epoch() == last.epoch()) {
            accuracy = epochs.get(epochs.size() - 1).trainAccuracy();
            when = "after epoch " + last.epoch();
        } else if (batches.size() >= MIN_BATCHES) {
            accuracy = MetricHistory.mean(batches, batches.size() - WINDOW, batches.size(), BatchEnded::accuracy);
            when = "over the last " + WINDOW + " of " + batches.size() + " batches";
        } else {
            return Optional.empty();
        }
        if (Double.isNaN(accuracy) || accuracy >= threshold) {
            return Optional.empty();
        }
        return Optional.of(new CoachAdvice(CoachSituation.NEAR_CHANCE, "Hardly better than guessing",
                "Training accuracy is " + Numbers.percent(accuracy) + " " + when + "; guessing among "
                        + context.classes() + " classes gives " + Numbers.percent(chance) + ".",
                "Check that the loss fits the labels (softmax cross-entropy for classes), that the output layer has"
                        + " one unit per class and the inputs are normalised; then try a larger network, ReLU"
                        + " activations or a larger learning rate.",
                List.of(), last.epoch(), last.step()));
    }
}
