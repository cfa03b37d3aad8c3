package org.layerloom.engine.data.preview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.TokenFeatures;
import org.layerloom.engine.graph.DataFit;

/**
 * Looks for what commonly goes wrong with data before training starts: what loading had to skip, classes far
 * out of balance, the same examples in the training and the test split, inputs that never change, and labels
 * that do not fit the network's Output (10 classes into one sigmoid unit). Every finding is a sentence that
 * says what to do. Stateless; any thread (runs in time linear in the data; call it off the UI thread).
 */
public final class DataDoctor {

    /** The largest class may have this many times the examples of the smallest before a warning. */
    static final double IMBALANCE_RATIO = 3;

    private DataDoctor() {
    }

    public static List<DataWarning> examine(Dataset dataset, Optional<OutputExpectation> expectation) {
        List<DataWarning> warnings = new ArrayList<>();
        dataset.report().notes().forEach(n -> warnings.add(DataWarning.note(n)));
        expectation.ifPresent(e -> modelFit(dataset, e, warnings));
        if (dataset.task() instanceof DatasetTask.Classification classes) {
            imbalance(dataset.train().classLabels(), classes.classNames(), warnings);
        }
        duplicates(dataset, warnings);
        constantInputs(dataset, warnings);
        if (dataset.test().isEmpty()) {
            warnings.add(DataWarning.warning("The test split is empty, so there will be no final score on unseen "
                    + "data. Hold out part of the data for testing."));
        }
        if (dataset.train().size() < 20) {
            warnings.add(DataWarning.problem("Only " + dataset.train().size() + " training example(s): too few to"
                    + " learn from. Add more data."));
        }
        return warnings;
    }

    private static void modelFit(Dataset dataset, OutputExpectation e, List<DataWarning> warnings) {
        DataFit.problems(e.graph(), e.report(), DatasetFacts.of(dataset))
                .forEach(p -> warnings.add(DataWarning.problem(p.message())));
    }

    private static void imbalance(ClassLabels labels, List<String> names, List<DataWarning> warnings) {
        int[] counts = labels.counts();
        int min = 0;
        int max = 0;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < counts[min]) {
                min = c;
            }
            if (counts[c] > counts[max]) {
                max = c;
            }
        }
        if (counts[min] == 0) {
            warnings.add(DataWarning.problem("The class '" + names.get(min) + "' has no training examples, so the "
                    + "network cannot learn it. Add examples of it, or remove the class."));
        } else if (counts[max] >= IMBALANCE_RATIO * counts[min]) {
            warnings.add(DataWarning.warning(String.format(Locale.ROOT, "The classes are out of balance: '%s' has "
                    + "%,d training examples but '%s' only %,d (%.0f times fewer). The network may learn to "
                    + "ignore the rare class; look at its accuracy per class, or collect more examples of it.",
                    names.get(max), counts[max], names.get(min), counts[min], (double) counts[max] / counts[min])));
        }
    }

    private static void duplicates(Dataset dataset, List<DataWarning> warnings) {
        Examples train = dataset.train();
        Examples test = dataset.test();
        if (train.isEmpty() || test.isEmpty()) {
            return;
        }
        Map<Integer, List<Integer>> byHash = new HashMap<>();
        for (int i = 0; i < train.size(); i++) {
            byHash.computeIfAbsent(hash(train, i), h -> new ArrayList<>(1)).add(i);
        }
        int shared = 0;
        for (int j = 0; j < test.size(); j++) {
            List<Integer> candidates = byHash.get(hash(test, j));
            if (candidates != null) {
                for (int i : candidates) {
                    if (same(train, i, test, j)) {
                        shared++;
                        break;
                    }
                }
            }
        }
        if (shared > 0) {
            warnings.add(DataWarning.warning(String.format(Locale.ROOT, "%,d of the %,d test examples also appear "
                    + "in the training split (the same input values). The test score will look better than it is; "
                    + "remove the duplicates from the data.", shared, test.size())));
        }
    }

    private static int hash(Examples part, int row) {
        int size = part.exampleSize();
        if (part.features() instanceof RealFeatures real) {
            int h = 1;
            for (int k = row * size, end = k + size; k < end; k++) {
                h = 31 * h + Float.floatToIntBits(real.get(k));
            }
            return h;
        }
        TokenFeatures ids = (TokenFeatures) part.features();
        int h = 1;
        for (int k = row * size, end = k + size; k < end; k++) {
            h = 31 * h + ids.get(k);
        }
        return h;
    }

    private static boolean same(Examples a, int i, Examples b, int j) {
        int size = a.exampleSize();
        if (a.features() instanceof RealFeatures x && b.features() instanceof RealFeatures y) {
            for (int k = 0; k < size; k++) {
                if (Float.floatToIntBits(x.get(i * size + k)) != Float.floatToIntBits(y.get(j * size + k))) {
                    return false;
                }
            }
            return true;
        }
        if (a.features() instanceof TokenFeatures x && b.features() instanceof TokenFeatures y) {
            for (int k = 0; k < size; k++) {
                if (x.get(i * size + k) != y.get(j * size + k)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static void constantInputs(Dataset dataset, List<DataWarning> warnings) {
        Examples train = dataset.train();
        if (train.exampleShape().rank() != 1 || train.exampleShape().isTokenIds() || train.size() < 2) {
            return;
        }
        int width = train.exampleSize();
        float[] v = train.realFeatures().toArray();
        List<String> names = dataset.report().featureNames();
        List<String> constant = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            boolean same = true;
            for (int i = 1; i < train.size() && same; i++) {
                same = v[i * width + j] == v[j];
            }
            if (same) {
                constant.add(names.size() == width ? "'" + names.get(j) + "'" : "input " + (j + 1));
            }
        }
        if (!constant.isEmpty()) {
            warnings.add(DataWarning.warning("The training data has the same value everywhere in "
                    + String.join(", ", constant.subList(0, Math.min(8, constant.size())))
                    + (constant.size() > 8 ? " and " + (constant.size() - 8) + " more" : "")
                    + ". A column that never changes tells the network nothing; leave it out."));
        }
    }
}
