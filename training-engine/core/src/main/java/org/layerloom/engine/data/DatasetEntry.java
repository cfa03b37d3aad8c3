package org.layerloom.engine.data;

import java.util.Objects;

/**
 * One dataset a student can choose, as the {@link DatasetRegistry} lists it: the id that project files save,
 * the name the Data area shows, whether it is a standard dataset (downloaded into the cache, or read from a
 * folder of its original files named by the option "path"), and the source that loads it. Adding a dataset is
 * adding one entry to {@link DatasetRegistry#standard()}. Immutable; any thread.
 *
 * @param id          the source id in a project's dataset choice, e.g. "spirals"
 * @param displayName the name in the Data area's list, e.g. "Spirals (generated 2-D points)"
 * @param downloaded  true for the standard datasets that come from the internet
 */
public record DatasetEntry(String id, String displayName, boolean downloaded, DatasetSource source) {

    public DatasetEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(source, "source");
    }

    /** A dataset made or read on this computer. */
    public static DatasetEntry local(String id, String displayName, DatasetSource source) {
        return new DatasetEntry(id, displayName, false, source);
    }

    /** A standard dataset that is downloaded into the cache (or read from a folder of its files). */
    public static DatasetEntry downloaded(String id, String displayName, DatasetSource source) {
        return new DatasetEntry(id, displayName, true, source);
    }
}
