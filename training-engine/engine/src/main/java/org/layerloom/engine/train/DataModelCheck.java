package org.layerloom.engine.train;

import java.util.List;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.preview.ModelFit;
import org.layerloom.engine.data.preview.OutputExpectation;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.ValidationReport;

/**
 * Before a run: is the network valid, and does it fit the data? The Input must take the dataset's
 * example shape, a classifier's Output must give one score per class (or one for two classes with
 * binary cross-entropy), and a regression must use MSE or L1 on as many values as the targets
 * ({@link ModelFit}, which the data preview shares). Stateless; any thread.
 */
public final class DataModelCheck {

    private DataModelCheck() {
    }

    /** Throws with every mismatch explained; returns the validation report when all fits. */
    public static ValidationReport check(NetworkGraph graph, Dataset dataset) throws TrainingSetupException {
        ValidationReport report = GraphValidator.standard().validate(graph);
        if (!report.isValid()) {
            StringBuilder message = new StringBuilder("The network has problems to fix before it can train:");
            List<Problem> errors = report.errors();
            for (int i = 0; i < errors.size(); i++) {
                message.append("\n  ").append(i + 1).append(". ").append(errors.get(i).message());
            }
            throw new TrainingSetupException(message.toString());
        }
        OutputExpectation expectation = OutputExpectation.from(graph, report).orElseThrow();
        List<String> problems = ModelFit.problems(dataset, expectation);
        if (!problems.isEmpty()) {
            throw new TrainingSetupException(problems.get(0));
        }
        return report;
    }
}
