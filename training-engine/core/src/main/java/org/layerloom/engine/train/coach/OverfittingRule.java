package org.layerloom.engine.train.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.event.EpochEnded;

/**
 * Overfitting: two epochs or more after the epoch with the best validation loss, the last two epochs'
 * validation losses are both more than {@value #ABOVE_BEST} above that best, while the training loss fell
 * to less than {@value #TRAIN_FALL} of what it was at the best epoch, and the rise matters: it is more than
 * {@value #MATTERS} of the first epoch's validation loss (a network at 100 % whose validation loss drifts from
 * 0.0017 to 0.0019 does not memorise anything worth a card). Advice: a
 * Dropout before the output layer (a graph edit), weight decay and early stopping (settings), data
 * augmentation. Its window is in epochs (three at least), so it needs no warm-up in batches; the advice is moot
 * once a later epoch reaches the best validation loss again. Stateless; any thread.
 */
final class OverfittingRule implements CoachRule {

    static final double ABOVE_BEST = 0.05;
    static final double TRAIN_FALL = 0.8;
    static final double MATTERS = 0.02;
    static final double WEIGHT_DECAY = 1e-4;
    static final int PATIENCE = 3;

    @Override
    public CoachSituation situation() {
        return CoachSituation.OVERFITTING;
    }

    @Override
    public int warmUpBatches() {
        return 0;
    }

    @Override
    public boolean moot(CoachAdvice advice, MetricHistory history, CoachContext context) {
        double best = Double.POSITIVE_INFINITY;
        for (EpochEnded epoch : history.epochs()) {
            if (epoch.epoch() <= advice.epoch()) {
                best = Math.min(best, epoch.validationLoss());
            } else if (epoch.validationLoss() <= best) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<CoachAdvice> check(MetricHistory history, CoachContext context) {
        List<EpochEnded> epochs = history.epochs();
        int e = epochs.size();
        if (e < 3 || history.batches().isEmpty()) {
            return Optional.empty();
        }
        EpochEnded c = epochs.get(e - 1);
        if (Double.isNaN(c.validationLoss())) {
            return Optional.empty();
        }
        EpochEnded best = epochs.stream().min(java.util.Comparator.comparingDouble(EpochEnded::validationLoss))
                .orElseThrow();
        EpochEnded b = epochs.get(e - 2);
        double limit = (1 + ABOVE_BEST) * best.validationLoss();
        boolean worse = c.epoch() >= best.epoch() + 2 && c.validationLoss() > limit && b.validationLoss() > limit;
        double rise = Math.min(c.validationLoss(), b.validationLoss()) - best.validationLoss();
        boolean matters = rise > MATTERS * epochs.get(0).validationLoss();
        if (!worse || !matters || !(c.trainLoss() < TRAIN_FALL * best.trainLoss())) {
            return Optional.empty();
        }
        List<CoachAction> actions = new ArrayList<>();
        context.dropout().ifPresent(actions::add);
        actions.add(new SettingChange(Setting.WEIGHT_DECAY, context.weightDecay(),
                context.weightDecay() > 0 ? context.weightDecay() * 10 : WEIGHT_DECAY));
        if (context.patience() == 0) {
            actions.add(new SettingChange(Setting.EARLY_STOPPING_PATIENCE, 0, PATIENCE));
        }
        var last = history.lastBatch().orElseThrow();
        return Optional.of(new CoachAdvice(CoachSituation.OVERFITTING, "The model memorises the training data",
                "Validation loss rose from " + Numbers.significant(best.validationLoss()) + " (epoch " + best.epoch()
                        + ") to " + Numbers.significant(c.validationLoss()) + " (epoch " + c.epoch()
                        + ") while training loss fell from " + Numbers.significant(best.trainLoss()) + " to "
                        + Numbers.significant(c.trainLoss()) + ".",
                "Add Dropout, use weight decay, stop early at the best epoch (the best checkpoint is kept), or"
                        + " get more varied data (augmentation).",
                actions, c.epoch(), last.step()));
    }
}
