package org.layerloom.engine.data.preview;

import java.util.Objects;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.TokenFeatures;
import org.layerloom.engine.graph.TensorShape;

/**
 * What a network must know about its dataset to fit it, without the examples themselves: the dataset's name,
 * its task (classes or targets), the shape of one example and, for token ids, the vocabulary the ids need (the
 * largest id in any split plus one; 0 for real-valued data). Small enough to keep beside the editor's graph and
 * check after every edit. Immutable; any thread.
 */
public record DataFacts(String name, DatasetTask task, TensorShape exampleShape, int vocabularyNeeded) {

    public DataFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(exampleShape, "exampleShape");
        if (vocabularyNeeded < 0) {
            throw new IllegalArgumentException("the vocabulary needed cannot be negative: " + vocabularyNeeded);
        }
    }

    /** The facts of a loaded dataset; reads every token id once (linear in the data; off the UI thread). */
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
        return new DataFacts(dataset.name(), dataset.task(), dataset.exampleShape(), vocabulary);
    }
}
