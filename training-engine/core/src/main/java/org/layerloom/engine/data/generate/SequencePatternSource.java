package org.layerloom.engine.data.generate;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.ProgressMeter;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.TokenFeatures;
import org.layerloom.engine.graph.TensorShape;

/**
 * Sequence classification (id "sequence-pattern"): sequences of "length" (default 12) symbols from 0 to
 * "symbols" − 1 (default 10). With "task" = "contains" (default) the question is whether the run 1, 2, 3
 * appears somewhere; with "sorted", whether the sequence never goes down. Half the examples are "yes". With
 * "values" = "tokens" (default) the input is token ids for an Embedding, shape (length); with "real" it is
 * (length, 1) numbers symbol / (symbols − 1), for a recurrent layer directly. "noise" is unused (0).
 * Stateless; any thread.
 */
public final class SequencePatternSource extends GeneratorSource {

    private static final int[] PATTERN = {1, 2, 3};

    @Override
    String title() {
        return "Sequence pattern";
    }

    @Override
    double defaultNoise() {
        return 0;
    }

    @Override
    List<String> extraOptions() {
        return List.of("length", "symbols", "task", "values");
    }

    @Override
    Generated generate(DatasetOptions options, int samples, double noise, Random random, ProgressMeter meter)
            throws DatasetException {
        int length = options.integer("length", 12, 4, 500);
        int symbols = options.integer("symbols", 10, 4, 1000);
        boolean sorted = options.choice("task", "contains", List.of("contains", "sorted")).equals("sorted");
        boolean tokens = options.choice("values", "tokens", List.of("tokens", "real")).equals("tokens");
        int[] ids = new int[Math.multiplyExact(samples, length)];
        int[] labels = new int[samples];
        int[] seq = new int[length];
        for (int i = 0; i < samples; i++) {
            boolean yes = i % 2 == 1;
            labels[i] = yes ? 1 : 0;
            if (sorted) {
                sortedCase(seq, symbols, yes, random);
            } else {
                patternCase(seq, symbols, yes, random);
            }
            System.arraycopy(seq, 0, ids, i * length, length);
        }
        meter.advance("Generating sequences", samples);
        Examples examples;
        if (tokens) {
            examples = Examples.of(TokenFeatures.copyOf(ids), TensorShape.tokens(length),
                    ClassLabels.copyOf(labels, 2));
        } else {
            float[] values = new float[ids.length];
            for (int k = 0; k < ids.length; k++) {
                values[k] = ids[k] / (float) (symbols - 1);
            }
            examples = Examples.of(RealFeatures.copyOf(values), TensorShape.of(length, 1),
                    ClassLabels.copyOf(labels, 2));
        }
        String question = sorted ? "never goes down (is sorted)" : "contains the run 1, 2, 3";
        return new Generated(sorted ? "Sorted sequences" : "Pattern in a sequence", String.format(Locale.ROOT,
                "Sequences of %d symbols from 0 to %d, as %s. Does the sequence %s? Half of them do. A task for "
                        + "recurrent networks and attention.", length, symbols - 1, tokens ? "token ids"
                        : "numbers", question),
                DatasetTask.classification(sorted ? List.of("not sorted", "sorted") : List.of("no pattern",
                        "pattern")), examples);
    }

    private static void patternCase(int[] seq, int symbols, boolean yes, Random random) {
        do {
            for (int t = 0; t < seq.length; t++) {
                seq[t] = random.nextInt(symbols);
            }
            if (yes) {
                int at = random.nextInt(seq.length - PATTERN.length + 1);
                System.arraycopy(PATTERN, 0, seq, at, PATTERN.length);
            }
        } while (contains(seq) != yes);
    }

    private static void sortedCase(int[] seq, int symbols, boolean yes, Random random) {
        do {
            for (int t = 0; t < seq.length; t++) {
                seq[t] = random.nextInt(symbols);
            }
            if (yes) {
                java.util.Arrays.sort(seq);
            } else {
                // mostly sorted with one or two swaps, so that the task is not trivial
                java.util.Arrays.sort(seq);
                int swaps = 1 + random.nextInt(2);
                for (int s = 0; s < swaps; s++) {
                    int a = random.nextInt(seq.length);
                    int b = random.nextInt(seq.length);
                    int tmp = seq[a];
                    seq[a] = seq[b];
                    seq[b] = tmp;
                }
            }
        } while (isSorted(seq) != yes);
    }

    static boolean contains(int[] seq) {
        for (int t = 0; t + PATTERN.length <= seq.length; t++) {
            if (seq[t] == PATTERN[0] && seq[t + 1] == PATTERN[1] && seq[t + 2] == PATTERN[2]) {
                return true;
            }
        }
        return false;
    }

    static boolean isSorted(int[] seq) {
        for (int t = 1; t < seq.length; t++) {
            if (seq[t] < seq[t - 1]) {
                return false;
            }
        }
        return true;
    }
}
