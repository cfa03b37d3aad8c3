package org.layerloom.engine.data;

import java.util.Objects;
import org.layerloom.engine.graph.TensorShape;

/**
 * A loaded dataset ready to train on: its name and a description for students, the task, the shape of one
 * example (batch axis implied) and the train, validation and test splits. Immutable; any thread.
 */
public record Dataset(String name, String description, DatasetTask task, TensorShape exampleShape,
                      Splits splits) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(exampleShape, "exampleShape");
        Objects.requireNonNull(splits, "splits");
        if (!splits.train().exampleShape().equals(exampleShape)) {
            throw new IllegalArgumentException("the splits hold " + splits.train().exampleShape().tuple()
                    + " examples, not " + exampleShape.tuple());
        }
        for (Examples part : new Examples[] {splits.train(), splits.validation(), splits.test()}) {
            checkLabels(task, part.labels());
        }
    }

    public Examples train() {
        return splits.train();
    }

    public Examples validation() {
        return splits.validation();
    }

    public Examples test() {
        return splits.test();
    }

    private static void checkLabels(DatasetTask task, Labels labels) {
        boolean fits;
        if (task instanceof DatasetTask.Classification classification) {
            fits = labels instanceof ClassLabels classes && classes.classCount() == classification.classCount();
        } else {
            fits = labels instanceof RegressionTargets targets
                    && targets.targetSize() == ((DatasetTask.Regression) task).targetSize();
        }
        if (!fits) {
            throw new IllegalArgumentException(labels + " do not fit the task: " + task.describe());
        }
    }
}
