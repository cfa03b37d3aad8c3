package org.layerloom.engine.export;

import java.util.List;
import org.layerloom.engine.graph.Problem;

/**
 * An export that did not start because the export check found errors; nothing was written. The problems
 * name the nodes, in the validator's words, for the export dialog and the command line. Immutable.
 */
public final class ExportRefusedException extends Exception {

    private final transient List<Problem> problems;

    public ExportRefusedException(String targetName, List<Problem> problems) {
        super("The network cannot be exported to " + targetName + ": " + problems.stream().filter(Problem::isError)
                .map(Problem::message).reduce((a, b) -> a + " " + b).orElse("(no reason given)"));
        this.problems = List.copyOf(problems);
    }

    /** Every problem the check found, warnings included. */
    public List<Problem> problems() {
        return problems;
    }
}
