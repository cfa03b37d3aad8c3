package org.layerloom.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.layerloom.app.AppLauncher;
import org.layerloom.app.LaunchOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code layerloom open FILE.loom}: opens the window with the project in the Model area (skipping the
 * start screen) and returns when it is closed. One instance per run, on the main thread.
 */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Opens a project file in the LayerLoom model editor.")
final class OpenCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectFileParameter file;

    private final AppLauncher launcher;

    OpenCommand(AppLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        Path project = file.path();
        if (!Files.isRegularFile(project)) {
            spec.commandLine().getErr().println(project + ": the file does not exist.");
            return ExitCodes.UNUSABLE_INPUT;
        }
        launcher.launch(LaunchOptions.none().withProject(project));
        return ExitCodes.OK;
    }
}
