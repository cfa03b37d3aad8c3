package org.layerloom.engine.data.preview;

import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.graph.TensorShape;

/**
 * Does a dataset fit a network? The Input must take the dataset's example shape; a classifier's Output must
 * give one score per class (softmax cross-entropy) or one probability for two classes (sigmoid binary
 * cross-entropy); a regression needs MSE or L1 on as many values as there are targets. Each mismatch is a
 * sentence naming the node and the fix. Shared by the data doctor (as warnings) and the training set-up
 * ({@code DataModelCheck}, which refuses to start). Stateless; any thread.
 */
public final class ModelFit {

    private ModelFit() {
    }

    /** Every mismatch between {@code dataset} and the network described by {@code e}; empty when all fits. */
    public static List<String> problems(Dataset dataset, OutputExpectation e) {
        List<String> problems = new ArrayList<>();
        TensorShape expected = e.input();
        TensorShape given = dataset.exampleShape();
        if (!expected.equals(given)) {
            problems.add("The dataset " + dataset.name() + " gives examples of shape " + given.tuple()
                    + (given.isTokenIds() ? " (token ids)" : "") + ", but " + e.inputName() + " expects "
                    + expected.tuple() + (expected.isTokenIds() ? " (token ids)" : "") + ". Set the shape of "
                    + e.inputName() + " to " + given.tuple() + ".");
        }
        TensorShape prediction = e.prediction();
        String loss = e.loss();
        String data = dataset.name();
        if (dataset.task() instanceof DatasetTask.Classification c) {
            int classes = c.classCount();
            switch (loss) {
                case "softmax_cross_entropy" -> {
                    if (prediction.last() != classes) {
                        problems.add(data + " has " + classes + " classes, but the network gives " + prediction.last()
                                + " score(s) per example. Give the last layer " + classes + " units.");
                    }
                }
                case "sigmoid_binary_cross_entropy" -> {
                    if (classes != 2) {
                        problems.add(data + " has " + classes + " classes, but sigmoid binary cross-entropy answers"
                                + " yes or no. Use softmax cross-entropy with " + classes + " units in the last layer.");
                    } else if (prediction.last() != 1) {
                        problems.add("Sigmoid binary cross-entropy needs one unit in the last layer (the "
                                + "probability of \"" + c.classNames().get(1) + "\"), but the network gives "
                                + prediction.last() + ". Give the last layer 1 unit.");
                    }
                }
                default -> problems.add(data + " sorts examples into " + classes + " classes, so " + e.outputName()
                        + " needs a cross-entropy loss, not " + loss.replace('_', ' ') + ".");
            }
        } else {
            int targets = ((DatasetTask.Regression) dataset.task()).targetSize();
            if (!loss.equals("mse") && !loss.equals("l1")) {
                problems.add(data + " asks the network to predict numbers, so " + e.outputName() + " needs the loss "
                        + "mean squared error or L1, not " + loss.replace('_', ' ') + ".");
            } else if (prediction.size() != targets) {
                problems.add(data + " has " + targets + " value(s) to predict per example, but the network gives "
                        + prediction.describe() + ". Give the last layer " + targets + " unit(s).");
            }
        }
        return problems;
    }
}
