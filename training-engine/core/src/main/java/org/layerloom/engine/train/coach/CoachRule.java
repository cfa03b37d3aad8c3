package org.layerloom.engine.train.coach;

import java.util.Optional;
import org.layerloom.engine.train.event.RunFinished;

/**
 * One coach rule: looks at the run so far and says whether its situation holds now, as advice; whether
 * advice it gave earlier has become moot; and, for rules about the finished model, what holds at the run's
 * end. A rule gives no verdict before its warm-up: the batches its window needs (counted since the last
 * learning-rate change for the rules about the loss). Rules are stateless; {@link TrainingCoach} makes sure
 * each situation is advised once. Any thread.
 */
interface CoachRule {

    CoachSituation situation();

    /** The batches the rule needs before a verdict. */
    int warmUpBatches();

    /** Whether the run has enough batches for a verdict; by default all the run's batches count. */
    default boolean warmedUp(MetricHistory history) {
        return history.batches().size() >= warmUpBatches();
    }

    /** Whether the rule may speak within the cooldown of an earlier card on the same setting (runaway losses). */
    default boolean urgent() {
        return false;
    }

    Optional<CoachAdvice> check(MetricHistory history, CoachContext context);

    /** Whether {@code advice}, which this rule gave, no longer holds; by default it holds for the run. */
    default boolean moot(CoachAdvice advice, MetricHistory history, CoachContext context) {
        return false;
    }

    /** The advice about the finished run, if any; by default none. */
    default Optional<CoachAdvice> atEnd(RunFinished finished, MetricHistory history, CoachContext context) {
        return Optional.empty();
    }
}
