package org.layerloom.app.inspect;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether an opened run's data could be loaded, and if not what the student can do: a sentence saying what
 * went wrong and where (empty when the data loaded), whether choosing the folder that holds the files now
 * could help (the data comes from files that may have moved or changed), and where the files were (null when
 * the data is generated). Immutable; any thread.
 */
public record DataAccess(String problem, boolean canChooseFolder, Path place) {

    /** Data that loaded as the run recorded it. */
    public static final DataAccess LOADED = new DataAccess("", false, null);

    public DataAccess {
        problem = problem == null ? "" : problem;
    }

    public boolean isLoaded() {
        return problem.isEmpty();
    }

    /** The folder to start a folder chooser in: the place's folder, or the place itself when it is one. */
    public Optional<Path> chooserStart() {
        if (place == null) {
            return Optional.empty();
        }
        for (Path p = place; p != null; p = p.getParent()) {
            if (java.nio.file.Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
