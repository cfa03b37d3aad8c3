package org.layerloom.app.check;

import java.nio.file.Path;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;

/**
 * Reads a project file and validates its network, for the command line and the window alike. Blocks
 * while reading; call it off the JavaFX thread. Stateless apart from the validator; any thread.
 */
public final class ProjectChecker {

    private final GraphValidator validator;

    public ProjectChecker(GraphValidator validator) {
        this.validator = validator;
    }

    public ProjectCheck check(Path file) {
        Project project;
        try {
            project = ProjectFiles.load(file);
        } catch (ProjectFileException e) {
            return new ProjectCheck.Unreadable(file, e.location(), e.problem(), e.getMessage());
        }
        return new ProjectCheck.Checked(file, project, validator.validate(project.graph()));
    }
}
