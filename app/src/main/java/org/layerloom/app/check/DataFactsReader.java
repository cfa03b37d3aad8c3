package org.layerloom.app.check;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.layerloom.engine.data.DatasetEntry;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.preview.DatasetFacts;
import org.layerloom.engine.graph.DataFacts;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;

/**
 * Reads the {@link DataFacts} of a project's dataset for the model check: loads the dataset as training would
 * (relative paths from the project's folder) but never downloads, so a standard dataset not yet in the cache
 * fails with the message that says how to get it. Blocks; call it off the JavaFX thread. Immutable; any thread.
 */
public final class DataFactsReader {

    private final DatasetRegistry registry;
    private final Supplier<Path> cacheFolder;

    /** @param cacheFolder where downloaded standard datasets are kept; null for the default cache */
    public DataFactsReader(DatasetRegistry registry, Supplier<Path> cacheFolder) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.cacheFolder = cacheFolder;
    }

    /** The facts of {@code project}'s dataset, its relative paths read from {@code folder}. */
    public DataFacts read(Project project, Path folder) throws DatasetException {
        DatasetChoice choice = project.dataset();
        DatasetRequest request = DatasetRequest.of(choice, folder, project.training().seed(), 0.1);
        boolean downloaded = registry.entry(choice.source()).map(DatasetEntry::downloaded).orElse(false);
        if (downloaded) {
            request = request.withOption("download", false);
            Path cache = cacheFolder == null ? null : cacheFolder.get();
            if (cache != null && !choice.options().containsKey("cache")) {
                request = request.withOption("cache", cache.toAbsolutePath().toString());
            }
        }
        return DatasetFacts.of(registry.load(request, ProgressListener.none()));
    }
}
