package org.layerloom.engine.assignment;

import java.util.List;
import java.util.OptionalDouble;
import org.layerloom.engine.train.event.EpochEnded;

/**
 * What run goals look at in a finished run: its epochs as recorded, and its test accuracy when it was
 * measured (empty for a run that stopped before testing or for a regression). Immutable; any thread.
 */
public record RunFacts(List<EpochEnded> history, OptionalDouble testAccuracy) {

    public RunFacts {
        history = List.copyOf(history);
    }

    public int epochs() {
        return history.size();
    }
}
