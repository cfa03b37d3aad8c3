package org.layerloom.engine.train;

import java.util.List;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;

/**
 * Before a run: is the network valid, and does it fit the data? The Input must take the dataset's
 * example shape, a classifier's Output must give one score per class (or one for two classes with
 * binary cross-entropy), and a regression must use MSE or L1 on as many values as the targets.
 * Stateless; any thread.
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
        Node input = graph.nodesOfKind(LayerKind.INPUT).get(0);
        TensorShape expected = report.outputOf(input.id()).orElseThrow();
        TensorShape given = dataset.exampleShape();
        if (!expected.equals(given)) {
            throw new TrainingSetupException("The dataset " + dataset.name() + " gives examples of shape " + given.tuple()
                    + (given.isTokenIds() ? " (token ids)" : "") + ", but " + input.name() + " expects "
                    + expected.tuple() + (expected.isTokenIds() ? " (token ids)" : "") + ". Set the shape of "
                    + input.name() + " to " + given.tuple() + ".");
        }
        Node output = graph.nodesOfKind(LayerKind.OUTPUT).get(0);
        TensorShape prediction = report.outputOf(output.id()).orElseThrow();
        String loss = output.params().choice("loss");
        if (dataset.task() instanceof DatasetTask.Classification classes) {
            checkClassifier(output, prediction, loss, classes.classCount(), dataset.name());
        } else {
            DatasetTask.Regression regression = (DatasetTask.Regression) dataset.task();
            if (!loss.equals("mse") && !loss.equals("l1")) {
                throw new TrainingSetupException(dataset.name() + " asks the network to predict numbers, so "
                        + output.name() + " needs the loss mean squared error or L1, not " + loss.replace('_', ' ') + ".");
            }
            if (prediction.size() != regression.targetSize()) {
                throw new TrainingSetupException(dataset.name() + " has " + regression.targetSize() + " value(s) to"
                        + " predict per example, but the network gives " + prediction.describe()
                        + ". Give the last layer " + regression.targetSize() + " unit(s).");
            }
        }
        return report;
    }

    private static void checkClassifier(Node output, TensorShape prediction, String loss, int classes, String data)
            throws TrainingSetupException {
        switch (loss) {
            case "softmax_cross_entropy":
                if (prediction.last() != classes) {
                    throw new TrainingSetupException(data + " has " + classes + " classes, but the network gives "
                            + prediction.last() + " score(s) per example. Give the last layer " + classes + " units.");
                }
                return;
            case "sigmoid_binary_cross_entropy":
                if (classes != 2) {
                    throw new TrainingSetupException(data + " has " + classes + " classes, but sigmoid binary"
                            + " cross-entropy answers yes or no. Use softmax cross-entropy with " + classes
                            + " units in the last layer.");
                }
                return;
            default:
                throw new TrainingSetupException(data + " sorts examples into " + classes + " classes, so "
                        + output.name() + " needs a cross-entropy loss, not " + loss.replace('_', ' ') + ".");
        }
    }
}
