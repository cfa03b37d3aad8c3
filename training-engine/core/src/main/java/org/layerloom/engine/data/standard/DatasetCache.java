package org.layerloom.engine.data.standard;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where downloaded standard datasets are kept: one sub-folder per dataset under a root, by default
 * {@code ~/.layerloom/datasets}; the system property {@code layerloom.cache} or the environment variable
 * {@code LAYERLOOM_CACHE} move it, and a dataset option "cache" overrides both. Immutable; any thread.
 */
public record DatasetCache(Path root) {

    public static DatasetCache defaultCache() {
        String property = System.getProperty("layerloom.cache");
        if (property != null && !property.isBlank()) {
            return new DatasetCache(Path.of(property));
        }
        String env = System.getenv("LAYERLOOM_CACHE");
        if (env != null && !env.isBlank()) {
            return new DatasetCache(Path.of(env));
        }
        return new DatasetCache(Path.of(System.getProperty("user.home"), ".layerloom", "datasets"));
    }

    /** The cache named by {@code option}, or the default one. */
    public static DatasetCache of(Optional<String> option) {
        return option.map(Path::of).map(DatasetCache::new).orElseGet(DatasetCache::defaultCache);
    }

    public Path folder(StandardDataset dataset) {
        return root.resolve(dataset.id());
    }
}
