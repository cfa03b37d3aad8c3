package org.layerloom.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;
import picocli.CommandLine.Parameters;

/**
 * The {@code FILE.loom} parameter of the commands that read a project file ({@code validate}, {@code train},
 * {@code open}, {@code export}), as a picocli mixin that also reads it; each command words its help in
 * {@code CliTexts.properties} (key {@code layerloom.COMMAND.file}). Filled by picocli; one command run, on the
 * main thread.
 */
final class ProjectFileParameter {

    @Parameters(paramLabel = "FILE.loom", descriptionKey = "file")
    private Path file;

    /** The project file given on the command line. */
    Path path() {
        return file;
    }

    /** The project read from the file, or empty after saying on {@code stderr} why it cannot be read. */
    Optional<Project> read(PrintWriter stderr) {
        try {
            return Optional.of(ProjectFiles.load(file));
        } catch (ProjectFileException e) {
            stderr.println(e.getMessage());
            stderr.flush();
            return Optional.empty();
        }
    }
}
