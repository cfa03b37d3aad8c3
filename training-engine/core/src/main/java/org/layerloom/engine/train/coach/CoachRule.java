package org.layerloom.engine.train.coach;

import java.util.Optional;

/**
 * One coach rule: looks at the run so far and says whether its situation holds now, as advice. Rules
 * are stateless; {@link TrainingCoach} makes sure each situation is advised once. Any thread.
 */
interface CoachRule {

    CoachSituation situation();

    Optional<CoachAdvice> check(MetricHistory history, CoachContext context);
}
