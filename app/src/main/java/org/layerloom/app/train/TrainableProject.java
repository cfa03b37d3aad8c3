package org.layerloom.app.train;

import java.nio.file.Path;
import java.util.Objects;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.train.RunFolder;

/**
 * The project the dashboard trains and lists runs of: the project as it is now and the file it is
 * saved in ({@code null} while it has never been saved: then it cannot keep runs). Immutable; any thread.
 */
public record TrainableProject(Project project, Path file) {

    public TrainableProject {
        Objects.requireNonNull(project, "project");
    }

    public boolean isSaved() {
        return file != null;
    }

    /** The project's {@code NAME.runs} folder beside its file. */
    public Path runsRoot() {
        return RunFolder.runsRootOf(file);
    }

    /** The folder the project's relative dataset paths start from. */
    public Path folder() {
        return file.toAbsolutePath().getParent();
    }
}
