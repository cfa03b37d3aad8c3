package org.layerloom.engine.imports.code;

/**
 * Unwinds the reading of one statement that cannot be imported to the statement loop, which turns it into
 * a {@link CodeProblem}; it never leaves this package.
 */
final class ImportFailure extends RuntimeException {

    private final transient CodeProblem problem;

    ImportFailure(SourcePos pos, String message, String suggestion) {
        super(message, null, false, false);
        this.problem = CodeProblem.at(pos, message, suggestion);
    }

    CodeProblem problem() {
        return problem;
    }
}
