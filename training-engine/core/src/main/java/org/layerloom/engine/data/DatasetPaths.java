package org.layerloom.engine.data;

import java.nio.file.Path;
import java.util.List;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DatasetPathOptions;

/**
 * The data side of portable dataset paths: which options name files, and how they are made relative to a
 * project folder or absolute again (see {@link DatasetPathOptions}, which {@code ProjectFiles.save} applies).
 * A source resolves a relative path with {@link DatasetRequest#resolve}. Stateless; any thread.
 */
public final class DatasetPaths {

    /** The options that name files or folders. */
    public static final List<String> PATH_OPTIONS = DatasetPathOptions.KEYS;

    private DatasetPaths() {
    }

    /** The choice with its path options relative to {@code projectFolder} where possible. */
    public static DatasetChoice relativeTo(DatasetChoice choice, Path projectFolder) {
        return DatasetPathOptions.relativeTo(choice, projectFolder);
    }

    /** The choice with its path options absolute, resolved against {@code projectFolder}. */
    public static DatasetChoice absoluteFrom(DatasetChoice choice, Path projectFolder) {
        return DatasetPathOptions.absoluteFrom(choice, projectFolder);
    }
}
