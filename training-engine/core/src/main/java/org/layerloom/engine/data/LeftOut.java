package org.layerloom.engine.data;

import java.util.List;
import java.util.Objects;

/**
 * The examples a loader left out for one {@link LeftOutReason}: how many, and the first few places
 * ({@link #LISTED} at most), each like "data.csv line 17" or "cat/x.webp". Immutable; any thread.
 */
public record LeftOut(LeftOutReason reason, int count, List<String> places) {

    /** At most this many places are kept. */
    public static final int LISTED = 5;

    public LeftOut {
        Objects.requireNonNull(reason, "reason");
        if (count < 1) {
            throw new IllegalArgumentException("a left-out entry counts at least one example, not " + count);
        }
        places = List.copyOf(places.subList(0, Math.min(LISTED, places.size())));
    }
}
