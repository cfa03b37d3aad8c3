package org.layerloom.engine.imports.code;

import java.util.List;

/** The statements the parser understood, and the problems with the rest. Immutable; any thread. */
record ParsedCode(List<PyStatement> statements, List<CodeProblem> problems) {

    public ParsedCode {
        statements = List.copyOf(statements);
        problems = List.copyOf(problems);
    }
}
