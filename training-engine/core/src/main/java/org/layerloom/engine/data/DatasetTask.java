package org.layerloom.engine.data;

import java.util.List;

/**
 * What a dataset asks the network to do: pick one of several named classes, or predict real-valued
 * targets. Immutable; any thread.
 */
public sealed interface DatasetTask {

    static Classification classification(List<String> classNames) {
        return new Classification(classNames);
    }

    static Regression regression(int targetSize) {
        return new Regression(targetSize);
    }

    /** A student-readable summary, e.g. "classify into 10 classes". */
    String describe();

    /** Pick one of {@code classNames}; labels are indices into that list. */
    record Classification(List<String> classNames) implements DatasetTask {

        public Classification {
            classNames = List.copyOf(classNames);
            if (classNames.size() < 2) {
                throw new IllegalArgumentException("a classification needs at least two classes: " + classNames);
            }
        }

        public int classCount() {
            return classNames.size();
        }

        @Override
        public String describe() {
            return "classify into " + classNames.size() + " classes";
        }
    }

    /** Predict {@code targetSize} real numbers per example. */
    record Regression(int targetSize) implements DatasetTask {

        public Regression {
            if (targetSize < 1) {
                throw new IllegalArgumentException("a regression needs at least one target, not " + targetSize);
            }
        }

        @Override
        public String describe() {
            return targetSize == 1 ? "predict one number" : "predict " + targetSize + " numbers";
        }
    }
}
