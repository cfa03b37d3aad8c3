package org.layerloom.engine.train.coach;

import java.util.ArrayList;
import java.util.List;

/**
 * What the coach has to say after some events: the cards it takes back (first) and the new cards, in
 * order. Immutable; any thread.
 */
public record CoachNews(List<CoachWithdrawal> withdrawn, List<CoachAdvice> advice) {

    private static final CoachNews NONE = new CoachNews(List.of(), List.of());

    public CoachNews {
        withdrawn = List.copyOf(withdrawn);
        advice = List.copyOf(advice);
    }

    public static CoachNews none() {
        return NONE;
    }

    public boolean isEmpty() {
        return withdrawn.isEmpty() && advice.isEmpty();
    }

    /** This news followed by {@code later}. */
    public CoachNews and(CoachNews later) {
        if (later.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return later;
        }
        List<CoachWithdrawal> w = new ArrayList<>(withdrawn);
        w.addAll(later.withdrawn);
        List<CoachAdvice> a = new ArrayList<>(advice);
        a.addAll(later.advice);
        return new CoachNews(w, a);
    }
}
