package org.layerloom.engine.data.preview;

import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.TokenFeatures;
import org.layerloom.engine.graph.DataFacts;

/**
 * Makes the {@link DataFacts} of a loaded dataset, for the data check ({@link org.layerloom.engine.graph.DataFit})
 * of the editor, the data doctor, training and {@code layerloom validate}. Stateless; any thread.
 */
public final class DatasetFacts {

    private DatasetFacts() {
    }

    /** The facts of {@code dataset}; reads every token id once (linear in the data; off the UI thread). */
    public static DataFacts of(Dataset dataset) {
        int vocabulary = 0;
        if (dataset.exampleShape().isTokenIds()) {
            for (Examples part : new Examples[] {dataset.train(), dataset.validation(), dataset.test()}) {
                if (part.features() instanceof TokenFeatures ids) {
                    for (int i = 0, n = ids.length(); i < n; i++) {
                        vocabulary = Math.max(vocabulary, ids.get(i) + 1);
                    }
                }
            }
        }
        if (dataset.task() instanceof DatasetTask.Classification c) {
            return DataFacts.classification(dataset.name(), c.classNames(), dataset.exampleShape(), vocabulary);
        }
        return DataFacts.regression(dataset.name(), ((DatasetTask.Regression) dataset.task()).targetSize(),
                dataset.exampleShape(), vocabulary);
    }
}
