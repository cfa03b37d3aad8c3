package org.layerloom.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/**
 * The {@code FILE.loom} parameter of the commands that read a project file ({@code validate}, {@code train},
 * {@code open}), as a picocli mixin; each command words its help in {@code CliTexts.properties} (key
 * {@code layerloom.COMMAND.file}). Filled by picocli; one command run, on the main thread.
 */
final class ProjectFileParameter {

    @Parameters(paramLabel = "FILE.loom", descriptionKey = "file")
    private Path file;

    /** The project file given on the command line. */
    Path path() {
        return file;
    }
}
