package org.layerloom.engine.assignment;

import java.util.Objects;

/**
 * The judgement of one goal: met, missed or not yet known, with a plain sentence such as
 * "Test accuracy 0.973 ≥ 0.98? ✗ — 0.7 points short". Immutable; any thread.
 */
public record GoalVerdict(Goal goal, Status status, String sentence) {

    /** Whether a goal is met. */
    public enum Status {
        MET("✓"), MISSED("✗"), UNKNOWN("?");

        private final String mark;

        Status(String mark) {
            this.mark = mark;
        }

        /** ✓, ✗ or ?. */
        public String mark() {
            return mark;
        }
    }

    public GoalVerdict {
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(sentence, "sentence");
    }

    public boolean met() {
        return status == Status.MET;
    }
}
