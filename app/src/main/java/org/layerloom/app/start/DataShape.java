package org.layerloom.app.start;

import java.util.Arrays;
import java.util.Locale;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.TokenFeatures;

/**
 * What a new project's templates need to know of its data: the shape of one example, whether it is token ids
 * (and how many distinct ids there are), and the answer the network gives: a number of classes, or of real
 * targets for a regression. Immutable; any thread.
 *
 * @param input      one example's shape, e.g. {2}, {1, 28, 28}, {20, 1}
 * @param vocabulary for token ids, the number of distinct ids (ids run from 0 to vocabulary − 1); 0 otherwise
 * @param classes    classes to pick from; 0 for a regression
 * @param targets    real numbers to predict in a regression; 0 for a classification
 */
public record DataShape(int[] input, int vocabulary, int classes, int targets) {

    public DataShape {
        input = input.clone();
    }

    /** Kinds of example, which decide the templates that fit. */
    public enum Kind { VECTOR, SEQUENCE, IMAGE, TOKENS }

    public static DataShape classes(int classes, int... input) {
        return new DataShape(input, 0, classes, 0);
    }

    /** Read from a loaded dataset: its example shape, its task and, for token ids, the largest id seen. */
    public static DataShape of(Dataset dataset) {
        int[] input = new int[dataset.exampleShape().rank()];
        for (int i = 0; i < input.length; i++) {
            input[i] = dataset.exampleShape().dim(i);
        }
        int vocabulary = 0;
        if (dataset.train().features() instanceof TokenFeatures tokens) {
            vocabulary = dataset.textEncoding().map(e -> e.vocabulary().size())
                    .orElseGet(() -> Arrays.stream(tokens.toArray()).max().orElse(0) + 1);
        }
        if (dataset.task() instanceof DatasetTask.Classification c) {
            return new DataShape(input, vocabulary, c.classCount(), 0);
        }
        return new DataShape(input, vocabulary, 0, ((DatasetTask.Regression) dataset.task()).targetSize());
    }

    @Override
    public int[] input() {
        return input.clone();
    }

    public Kind kind() {
        if (vocabulary > 0) {
            return Kind.TOKENS;
        }
        return switch (input.length) {
            case 3 -> Kind.IMAGE;
            case 2 -> Kind.SEQUENCE;
            default -> Kind.VECTOR;
        };
    }

    /** Units of the last layer: one score per class, or one per target. */
    public int outputUnits() {
        return classes > 0 ? classes : targets;
    }

    /** "2 numbers → one of 2 classes", "28×28 pictures (1 channel) → one of 10 classes". */
    public String describe() {
        String in = switch (kind()) {
            case VECTOR -> input[0] + (input[0] == 1 ? " number" : " numbers");
            case SEQUENCE -> "sequences of " + input[0] + " steps × " + input[1];
            case IMAGE -> String.format(Locale.ROOT, "%d×%d pictures (%d %s)", input[1], input[2], input[0],
                    input[0] == 1 ? "channel" : "channels");
            case TOKENS -> input[0] + " token ids from a vocabulary of " + vocabulary;
        };
        String out = classes > 0 ? "one of " + classes + " classes"
                : targets == 1 ? "one number" : targets + " numbers";
        return in + " → " + out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataShape s && Arrays.equals(input, s.input) && vocabulary == s.vocabulary
                && classes == s.classes && targets == s.targets;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(input) * 31 + vocabulary * 7 + classes * 3 + targets;
    }

    @Override
    public String toString() {
        return describe();
    }
}
