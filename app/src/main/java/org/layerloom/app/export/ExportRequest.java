package org.layerloom.app.export;

import java.nio.file.Path;
import java.util.Optional;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.project.Project;

/**
 * What the student asked to export: the project as it is open, the target, the weights (a saved run's folder,
 * or empty for the weights training would start from: the project's starting weights, found in
 * {@code projectFolder}, or else those its seed draws) and the output folder. Immutable.
 */
public record ExportRequest(Project project, ExportTarget target, Optional<Path> run, Path out,
                            Optional<Path> projectFolder) {

    /** A request for a project that has no folder (never saved). */
    public ExportRequest(Project project, ExportTarget target, Optional<Path> run, Path out) {
        this(project, target, run, out, Optional.empty());
    }
}
