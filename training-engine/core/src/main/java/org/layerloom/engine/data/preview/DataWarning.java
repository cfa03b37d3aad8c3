package org.layerloom.engine.data.preview;

import java.util.Objects;

/**
 * One finding of the data doctor: how serious it is and a full sentence saying what was found and what to
 * do. {@link Level#PROBLEM} means training will fail or learn nothing useful. Immutable; any thread.
 */
public record DataWarning(Level level, String message) {

    public DataWarning {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
    }

    public enum Level { NOTE, WARNING, PROBLEM }

    static DataWarning note(String message) {
        return new DataWarning(Level.NOTE, message);
    }

    static DataWarning warning(String message) {
        return new DataWarning(Level.WARNING, message);
    }

    static DataWarning problem(String message) {
        return new DataWarning(Level.PROBLEM, message);
    }
}
