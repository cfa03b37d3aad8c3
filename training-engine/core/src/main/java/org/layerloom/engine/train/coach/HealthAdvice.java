package org.layerloom.engine.train.coach;

import java.util.List;
import java.util.Objects;

/**
 * A coach card about training health: the signal, the nodes it concerns (in running order), a short
 * title, the reason in numbers a student can check, and the change to try. Immutable; any thread.
 */
public record HealthAdvice(HealthSignal signal, List<String> nodeIds, String title, String reason,
                           String suggestion) {

    public HealthAdvice {
        Objects.requireNonNull(signal, "signal");
        nodeIds = List.copyOf(nodeIds);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(suggestion, "suggestion");
    }
}
