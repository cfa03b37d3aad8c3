package org.layerloom.app.check;

import java.nio.file.Path;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.project.Project;

/**
 * The outcome of opening and validating one project file: either the project with its validation
 * report, or why the file could not be read. Immutable; any thread.
 */
public sealed interface ProjectCheck {

    /** The file as the user named it. */
    Path file();

    /**
     * The file was read; {@code report} says whether the network is valid (and fits its data, when that was
     * checked). {@code dataCheck} is a sentence on the data check: against which dataset, or why it could not be
     * made; empty when none was asked for.
     */
    record Checked(Path file, Project project, ValidationReport report, String dataCheck) implements ProjectCheck {
    }

    /**
     * The file is missing or is not a readable project.
     *
     * @param location where in the file, e.g. {@code line 14, column 3} or {@code $.graph.nodes[2]}; may be empty
     * @param problem what is wrong, in a sentence
     * @param message the whole message: file, location and problem
     */
    record Unreadable(Path file, String location, String problem, String message) implements ProjectCheck {
    }
}
