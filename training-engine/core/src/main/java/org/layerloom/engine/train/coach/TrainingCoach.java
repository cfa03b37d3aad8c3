package org.layerloom.engine.train.coach;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.LearningRateChanged;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * The training coach of one run: reads the run's events in order, keeps their metric sequences and, after
 * every batch and epoch, asks each rule whether its situation holds. Each situation is advised once per run;
 * after the learning rate is changed the loss situations (diverging, oscillating, early plateau) are
 * watched afresh on the batches that follow. Create one per run. Single thread (whoever feeds the events,
 * e.g. the JavaFX thread once per pulse).
 */
public final class TrainingCoach {

    private static final Set<CoachSituation> LOSS_SITUATIONS = EnumSet.of(CoachSituation.DIVERGING,
            CoachSituation.OSCILLATING, CoachSituation.EARLY_PLATEAU);

    private final CoachContext context;
    private final MetricHistory history = new MetricHistory();
    private final List<CoachRule> rules = List.of(new DivergenceRule(), new OscillationRule(), new PlateauRule(),
            new OverfittingRule(), new NearChanceRule(), new SlowRunRule());
    private final Set<CoachSituation> fired = EnumSet.noneOf(CoachSituation.class);

    public TrainingCoach(CoachContext context) {
        this.context = context;
    }

    /** The new advice {@code event} gives rise to (usually none). */
    public List<CoachAdvice> observe(TrainingEvent event) {
        history.record(event);
        if (event instanceof LearningRateChanged) {
            fired.removeAll(LOSS_SITUATIONS);
            return List.of();
        }
        if (!(event instanceof BatchEnded || event instanceof EpochEnded)) {
            return List.of();
        }
        List<CoachAdvice> advice = new ArrayList<>();
        for (CoachRule rule : rules) {
            if (fired.contains(rule.situation()) || blocked(rule.situation())) {
                continue;
            }
            rule.check(history, context).ifPresent(a -> {
                fired.add(a.situation());
                advice.add(a);
            });
        }
        return advice;
    }

    /** The new advice of a batch of events, in order. */
    public List<CoachAdvice> observeAll(List<? extends TrainingEvent> events) {
        List<CoachAdvice> advice = new ArrayList<>();
        for (TrainingEvent event : events) {
            advice.addAll(observe(event));
        }
        return advice;
    }

    /** The situations advised so far (and not re-armed). */
    public Set<CoachSituation> fired() {
        return EnumSet.copyOf(fired.isEmpty() ? EnumSet.noneOf(CoachSituation.class) : fired);
    }

    /** A stalled loss after a runaway one is the runaway's doing: raising the rate would be wrong. */
    private boolean blocked(CoachSituation situation) {
        return situation == CoachSituation.EARLY_PLATEAU
                && (fired.contains(CoachSituation.DIVERGING) || fired.contains(CoachSituation.OSCILLATING));
    }
}
