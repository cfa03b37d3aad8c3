package org.layerloom.engine.imports.code;

import java.util.Objects;

/**
 * Something in pasted code that LayerLoom cannot import: where it is (1-based line and column), what is
 * wrong in a student's words, and what to do instead. Immutable; any thread.
 */
public record CodeProblem(int line, int column, String message, String suggestion) {

    public CodeProblem {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(suggestion, "suggestion");
    }

    static CodeProblem at(SourcePos pos, String message, String suggestion) {
        return new CodeProblem(pos.line(), pos.column(), message, suggestion);
    }

    /** One line for a terminal: {@code 3:5: message Suggestion.} */
    public String describe() {
        return line + ":" + column + ": " + message + (suggestion.isEmpty() ? "" : " " + suggestion);
    }
}
