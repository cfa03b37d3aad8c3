package org.layerloom.engine.train.coach;

import java.util.List;
import java.util.Objects;

/**
 * One coach card: the situation, a plain-language title, a one-line reason with the numbers that made the
 * rule fire, what to try, the actions one click can apply (possibly none), and when it fired (epoch and
 * run step). Immutable; any thread.
 */
public record CoachAdvice(CoachSituation situation, String title, String reason, String suggestion,
                          List<CoachAction> actions, int epoch, long step) {

    public CoachAdvice {
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(suggestion, "suggestion");
        actions = List.copyOf(actions);
    }
}
