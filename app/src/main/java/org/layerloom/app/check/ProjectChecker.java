package org.layerloom.app.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.graph.DataFacts;
import org.layerloom.engine.graph.DataFit;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;

/**
 * Reads a project file and validates its network and, given a {@link DataFactsReader}, whether the network fits
 * the project's dataset ({@link DataFit}: the same check as the editor's and training's), for the command line
 * and the window alike. Blocks while reading; call it off the JavaFX thread. Stateless apart from the validator
 * and the reader; any thread.
 */
public final class ProjectChecker {

    private final GraphValidator validator;
    private final DataFactsReader data;

    /** Checks the network only. */
    public ProjectChecker(GraphValidator validator) {
        this(validator, null);
    }

    /** Checks the network and, when {@code data} is not null, the network against the project's dataset. */
    public ProjectChecker(GraphValidator validator, DataFactsReader data) {
        this.validator = validator;
        this.data = data;
    }

    public ProjectCheck check(Path file) {
        Project project;
        try {
            project = ProjectFiles.load(file);
        } catch (ProjectFileException e) {
            return new ProjectCheck.Unreadable(file, e.location(), e.problem(), e.getMessage());
        }
        ValidationReport report = validator.validate(project.graph());
        if (data == null) {
            return new ProjectCheck.Checked(file, project, report, "");
        }
        String source = project.dataset().source();
        try {
            DataFacts facts = data.read(project, file.toAbsolutePath().getParent());
            if (project.graph().nodes().isEmpty()) {
                return new ProjectCheck.Checked(file, project, report, "");
            }
            List<Problem> problems = new ArrayList<>(report.problems());
            problems.addAll(DataFit.problems(project.graph(), report, facts));
            report = new ValidationReport(report.graph(), report.topology(), report.nodes(), report.wireShapes(),
                    problems, report.totalParameters());
            return new ProjectCheck.Checked(file, project, report, "Checked against the data of " + facts.name()
                    + " (" + source + ").");
        } catch (DatasetException e) {
            return new ProjectCheck.Checked(file, project, report, "The network was not checked against its data ("
                    + source + "): " + e.getMessage());
        }
    }
}
