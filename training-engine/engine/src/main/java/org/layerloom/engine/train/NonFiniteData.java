package org.layerloom.engine.train;

import java.util.List;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.RegressionTargets;

/**
 * Says where the first NaN or infinite value of a dataset's training split is, in a student's words:
 * "moons.csv, example 17 of the training split, column 'x2'" (the column's name when loading gave names,
 * else "feature 2"), or "" when the split's values are all finite. The split is drawn at random, so the
 * example's number is not the file's row. Stateless; any thread.
 */
final class NonFiniteData {

    private NonFiniteData() {
    }

    /** Where the first not-finite input value is, or "". */
    static String inFeatures(Dataset dataset) {
        Examples train = dataset.train();
        if (!(train.features() instanceof RealFeatures features)) {
            return "";
        }
        int width = train.exampleSize();
        for (int i = 0; i < features.length(); i++) {
            if (!Float.isFinite(features.get(i))) {
                return place(dataset.name(), i / width, featureName(dataset, i % width));
            }
        }
        return "";
    }

    /** Where the first not-finite target value is, or "". */
    static String inTargets(Dataset dataset) {
        if (!(dataset.train().labels() instanceof RegressionTargets targets)) {
            return "";
        }
        for (int example = 0; example < targets.size(); example++) {
            for (int column = 0; column < targets.targetSize(); column++) {
                if (!Float.isFinite(targets.get(example, column))) {
                    return place(dataset.name(), example, "target " + (column + 1));
                }
            }
        }
        return "";
    }

    private static String place(String dataset, int example, String what) {
        return dataset + ", example " + (example + 1) + " of the training split, " + what;
    }

    private static String featureName(Dataset dataset, int index) {
        List<String> names = dataset.report().featureNames();
        return index < names.size() ? "column '" + names.get(index) + "'" : "feature " + (index + 1);
    }
}
