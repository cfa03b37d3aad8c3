package org.layerloom.engine.imports.code;

import java.util.List;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.edit.GraphEdit;
import org.layerloom.engine.project.Project;

/**
 * What reading pasted model code gave: the network (laid out left to right; empty when there are
 * problems), the training settings the code sets, notes on what was translated (a softmax moved into the
 * loss, channels-last shapes turned), and the problems that stopped the import, each with its line, column
 * and a suggestion. Immutable; any thread.
 */
public record CodeImport(NetworkGraph graph, TrainingChanges training, List<String> notes,
                         List<CodeProblem> problems) {

    public CodeImport {
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }

    /** Whether the code was read without problems, so that {@link #graph()} is the network it describes. */
    public boolean succeeded() {
        return problems.isEmpty();
    }

    /**
     * One undoable edit that replaces {@code current} (the canvas's network) by the imported one, so the editor
     * opens the import as an ordinary graph whose import can be undone (call only when {@link #succeeded()}).
     */
    public GraphEdit replacing(NetworkGraph current) {
        if (!succeeded()) {
            throw new IllegalStateException("the code has problems; nothing to apply");
        }
        return ImportEdit.replacing(current, graph, "Import code");
    }

    /** {@code base} with the imported network and training settings (call only when {@link #succeeded()}). */
    public Project applyTo(Project base) {
        if (!succeeded()) {
            throw new IllegalStateException("the code has problems; nothing to apply");
        }
        return base.withGraph(graph).withTraining(training.applyTo(base.training()));
    }
}
