package org.layerloom.app.cli;

import java.io.PrintWriter;
import org.layerloom.app.AppLauncher;
import org.layerloom.app.check.DataFactsReader;
import org.layerloom.app.check.ProjectChecker;
import org.layerloom.engine.graph.GraphValidator;
import picocli.CommandLine;

/**
 * Builds the {@code layerloom} command line with its subcommands wired to their collaborators and to
 * the given output streams. One instance per run; call {@code execute(args)} on the thread that owns
 * the streams.
 */
public final class Cli {

    private Cli() {
    }

    public static CommandLine create(AppLauncher launcher, PrintWriter out, PrintWriter err) {
        ProjectChecker checker = new ProjectChecker(GraphValidator.standard(),
                new DataFactsReader(org.layerloom.engine.data.DatasetRegistry.standard(), null));
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == ValidateCommand.class) {
                    return type.cast(new ValidateCommand(checker));
                }
                if (type == ImportCommand.class) {
                    return type.cast(new ImportCommand(System.in));
                }
                if (type == OpenCommand.class) {
                    return type.cast(new OpenCommand(launcher));
                }
                if (type == ScreenshotCommand.class) {
                    return type.cast(new ScreenshotCommand(launcher));
                }
                if (type == ScreenshotsCommand.class) {
                    return type.cast(new ScreenshotsCommand(launcher));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine commandLine = new CommandLine(new LayerLoomCommand(), factory);
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine;
    }
}
