package org.layerloom.engine.graph;

import java.util.List;
import java.util.Objects;

/**
 * What a network must know about its dataset to fit it, without the examples themselves: the dataset's name,
 * its task (the class names of a classification, or the number of targets of a regression), the shape of one
 * example and, for token ids, the vocabulary the ids need (the largest id in any split plus one; 0 for
 * real-valued data). Small enough to keep beside the editor's graph and check after every edit ({@link DataFit});
 * made from a loaded dataset by {@code DatasetFacts}. Immutable; any thread.
 */
public record DataFacts(String name, List<String> classNames, int targets, TensorShape exampleShape,
                        int vocabularyNeeded) {

    public DataFacts {
        Objects.requireNonNull(name, "name");
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(exampleShape, "exampleShape");
        if (classNames.isEmpty() == (targets < 1) || (!classNames.isEmpty() && (classNames.size() < 2 || targets != 0))) {
            throw new IllegalArgumentException("data facts need two or more classes or one or more targets: "
                    + classNames + ", " + targets);
        }
        if (vocabularyNeeded < 0) {
            throw new IllegalArgumentException("the vocabulary needed cannot be negative: " + vocabularyNeeded);
        }
    }

    /** The facts of a classification into {@code classNames}. */
    public static DataFacts classification(String name, List<String> classNames, TensorShape exampleShape,
                                           int vocabularyNeeded) {
        return new DataFacts(name, classNames, 0, exampleShape, vocabularyNeeded);
    }

    /** The facts of a regression with {@code targets} numbers to predict per example. */
    public static DataFacts regression(String name, int targets, TensorShape exampleShape, int vocabularyNeeded) {
        return new DataFacts(name, List.of(), targets, exampleShape, vocabularyNeeded);
    }

    public boolean isClassification() {
        return !classNames.isEmpty();
    }

    public int classCount() {
        return classNames.size();
    }
}
