package org.layerloom.engine.data;

import java.util.Objects;
import java.util.Optional;
import org.layerloom.engine.data.image.ImageFiles;
import org.layerloom.engine.data.text.TextEncoding;
import org.layerloom.engine.graph.TensorShape;

/**
 * A loaded dataset ready to train on: its name and a description for students, the task, the shape of one
 * example (batch axis implied), the train, validation and test splits, and what loading noticed on the way
 * ({@link LoadReport}: skipped rows, unreadable files, the first rows of a table...); for texts how they were
 * encoded, for a folder of pictures which file each example came from. Immutable; any thread.
 */
public record Dataset(String name, String description, DatasetTask task, TensorShape exampleShape,
                      Splits splits, LoadReport report, TextEncoding encoding, ImageFiles files) {

    /** A dataset with nothing to report (generated data, clean files). */
    public Dataset(String name, String description, DatasetTask task, TensorShape exampleShape, Splits splits) {
        this(name, description, task, exampleShape, splits, LoadReport.empty());
    }

    /** A dataset that is not made of texts. */
    public Dataset(String name, String description, DatasetTask task, TensorShape exampleShape, Splits splits,
                   LoadReport report) {
        this(name, description, task, exampleShape, splits, report, null, null);
    }

    public Dataset {
        Objects.requireNonNull(report, "report");
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

    /** The same dataset with {@code newReport}. */
    public Dataset withReport(LoadReport newReport) {
        return new Dataset(name, description, task, exampleShape, splits, newReport, encoding, files);
    }

    /** The same dataset, made of texts encoded as {@code textEncoding} says. */
    public Dataset withTextEncoding(TextEncoding textEncoding) {
        return new Dataset(name, description, task, exampleShape, splits, report, textEncoding, files);
    }

    /** The same dataset, read from the picture files {@code imageFiles} lists. */
    public Dataset withImageFiles(ImageFiles imageFiles) {
        return new Dataset(name, description, task, exampleShape, splits, report, encoding, imageFiles);
    }

    /** Which picture file each example came from, for a dataset read from a folder of pictures. */
    public Optional<ImageFiles> imageFiles() {
        return Optional.ofNullable(files);
    }

    /** How a text becomes this dataset's token ids, for a dataset of texts. */
    public Optional<TextEncoding> textEncoding() {
        return Optional.ofNullable(encoding);
    }

    /** The class names, or an empty list for a regression. */
    public java.util.List<String> classNames() {
        return task instanceof DatasetTask.Classification c ? c.classNames() : java.util.List.of();
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
