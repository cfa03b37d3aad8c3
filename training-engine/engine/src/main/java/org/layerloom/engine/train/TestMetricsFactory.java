package org.layerloom.engine.train;

import java.util.List;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.train.event.TestMetrics;

/** Turns an {@link Evaluation.Result} into the plain {@link TestMetrics} record of events and files. */
final class TestMetricsFactory {

    private TestMetricsFactory() {
    }

    static TestMetrics from(Evaluation.Result result, Dataset dataset) {
        if (result.metrics() == null) {
            return new TestMetrics(result.examples(), result.loss(), Double.NaN, List.of(), new double[0],
                    new double[0], new int[0][0], result.mae(), result.mse());
        }
        List<String> names = ((DatasetTask.Classification) dataset.task()).classNames();
        return new TestMetrics(result.examples(), result.loss(), result.accuracy(), names,
                result.metrics().precision(), result.metrics().recall(), result.metrics().confusion(),
                Double.NaN, Double.NaN);
    }
}
