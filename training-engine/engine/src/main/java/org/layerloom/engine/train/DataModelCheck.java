package org.layerloom.engine.train;

import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.preview.DataFindings;
import org.layerloom.engine.data.preview.DatasetFacts;
import org.layerloom.engine.graph.DataFacts;
import org.layerloom.engine.graph.DataFit;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.ProblemCode;
import org.layerloom.engine.graph.ValidationReport;

/**
 * Before a run: is the network valid, and does it fit the data? The Input must take the dataset's
 * example shape, a classifier's Output must give one score per class (or one for two classes with
 * binary cross-entropy), a regression must use MSE or L1 on as many values as the targets, and every
 * token id needs a row in the Embedding's vocabulary ({@link DataFit}, which the editor, the data preview
 * and {@code layerloom validate} share). When the Input does not take the data's examples, the message says
 * first what the data looks like ({@link DataFindings}), so that broken data is fixed rather than fitted.
 * Stateless; any thread.
 */
public final class DataModelCheck {

    private DataModelCheck() {
    }

    /** Throws with every problem explained; returns the validation report when all fits. */
    public static ValidationReport check(NetworkGraph graph, Dataset dataset) throws TrainingSetupException {
        ValidationReport report = GraphValidator.standard().validate(graph);
        List<Problem> errors = new ArrayList<>(report.errors());
        if (errors.isEmpty()) {
            errors.addAll(DataFit.problems(graph, report, DatasetFacts.of(dataset)));
        }
        if (errors.isEmpty()) {
            return report;
        }
        String data = errors.stream().anyMatch(p -> p.code() == ProblemCode.INPUT_DOES_NOT_FIT_DATA)
                ? dataFirst(dataset) : "";
        if (errors.size() == 1) {
            throw new TrainingSetupException(data + errors.get(0).message());
        }
        StringBuilder message = new StringBuilder(data).append("The network has problems to fix before it can train:");
        for (int i = 0; i < errors.size(); i++) {
            message.append("\n  ").append(i + 1).append(". ").append(errors.get(i).message());
        }
        throw new TrainingSetupException(message.toString());
    }

    /**
     * What the data looks like, to read before the Input's shape: when the loader found something wrong, the
     * student must not be told only to change the network to fit broken data.
     */
    static String dataFirst(Dataset dataset) {
        List<String> findings = DataFindings.of(dataset);
        if (findings.size() == 1) {
            return "The data: " + findings.get(0) + "\n";
        }
        StringBuilder text = new StringBuilder("Look at the data first; if it is not what you meant, fix the data, "
                + "not the network:");
        findings.forEach(f -> text.append("\n  - ").append(f));
        return text.append("\nThen the network: ").toString();
    }
}
