package org.layerloom.app.assignment;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.layerloom.engine.assignment.GoalVerdict;

/**
 * The grade of one hand-in: who, which run, whether its weights are the ones handed in, the test accuracy
 * measured again from those weights, and the goal verdicts. Immutable; any thread.
 *
 * @param testAccuracy     measured again now on the test split (NaN when it could not be measured)
 * @param recordedAccuracy the test accuracy the hand-in states
 * @param note             what a teacher should know: why it is flagged, or what could not be done; empty if nothing
 */
public record Grade(Path page, String student, String project, String run, Weights weights, double testAccuracy,
                    double recordedAccuracy, List<GoalVerdict> verdicts, Result result, String note) {

    /** Whether the weights are the ones handed in. */
    public enum Weights {
        /** The file's SHA-256 is the one the hand-in recorded. */
        MATCH,
        /** The file differs from the one handed in. */
        CHANGED,
        /** The file or the run folder is gone. */
        MISSING,
        /** The hand-in page could not be read, so there is nothing to compare. */
        UNKNOWN
    }

    /** The outcome of one row. */
    public enum Result {
        /** Weights as handed in, and every goal met. */
        PASS,
        /** Weights as handed in, but a goal missed or not decided. */
        FAIL,
        /** The weights are not the ones handed in, or the accuracy stated does not match the weights. */
        FLAGGED,
        /** The hand-in or its run could not be read. */
        ERROR
    }

    public Grade {
        Objects.requireNonNull(page, "page");
        verdicts = List.copyOf(verdicts);
    }

    public long goalsMet() {
        return verdicts.stream().filter(GoalVerdict::met).count();
    }
}
