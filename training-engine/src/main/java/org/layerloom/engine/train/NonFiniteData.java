package org.layerloom.engine.train;

import java.util.List;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.RegressionTargets;

/**
 * Says where the first NaN or infinite value of a dataset's training split is, in a student's words:
 * "training example 17 (counted from 1), feature 'x2'" (the feature's name when loading gave names, else its
 * position), or "" when the split's values are all finite. Stateless; any thread.
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
                return place(dataset.name(), i / width, "feature " + featureName(dataset, i % width));
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
        return dataset + ", training example " + (example + 1) + ", " + what;
    }

    private static String featureName(Dataset dataset, int index) {
        List<String> names = dataset.report().featureNames();
        return index < names.size() ? "'" + names.get(index) + "'" : String.valueOf(index + 1);
    }
}
