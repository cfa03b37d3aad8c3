package org.layerloom.engine.train.coach;

import java.util.Objects;

/**
 * The coach takes back the card of {@code situation} it gave earlier in the run: a newer card on the same
 * setting replaced it, its advice was followed, or it became moot (the run got better on its own, or the
 * setting it was about changed another way). Immutable; any thread.
 */
public record CoachWithdrawal(CoachSituation situation, Why why) {

    /** Why a card is withdrawn. */
    public enum Why {
        /** A newer card on the same setting takes its place. */
        REPLACED,
        /** The setting was changed the way it advised. */
        FOLLOWED,
        /** It no longer holds: the run recovered, or the setting changed the other way. */
        MOOT
    }

    public CoachWithdrawal {
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(why, "why");
    }
}
