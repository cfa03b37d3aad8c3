package org.layerloom.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.layerloom.app.AppLauncher;
import org.layerloom.app.LaunchOptions;
import org.layerloom.samples.SampleCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code layerloom screenshots DIR [--sample ID]}: opens a copy of a sample project (in {@code DIR/project})
 * and writes a PNG of the start screen and of each main view, in the light and the dark theme, into DIR;
 * then quits. Needs a display (on a server: {@code xvfb-run}). One instance per run, on the main thread.
 */
@Command(name = "screenshots", mixinStandardHelpOptions = true,
        description = "Writes PNG screenshots of the start screen and every main view (light and dark) into DIR"
                + " (needs a display, e.g. xvfb-run).")
final class ScreenshotsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder for the PNG files (created if needed).")
    private Path folder;

    @Option(names = "--sample", paramLabel = "ID", defaultValue = "spirals",
            description = "The sample project to show (default: ${DEFAULT-VALUE}).")
    private String sample;

    private final AppLauncher launcher;

    ScreenshotsCommand(AppLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws IOException {
        SampleCatalog catalog = SampleCatalog.standard();
        if (catalog.byId(sample).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Unknown sample '" + sample + "'. Known: "
                    + String.join(", ", catalog.samples().stream().map(s -> s.id()).toList()) + ".");
        }
        Files.createDirectories(folder);
        try (Stream<Path> old = Files.list(folder)) {
            for (Path png : old.filter(p -> p.getFileName().toString().endsWith(".png")).toList()) {
                Files.delete(png);
            }
        }
        Path project = folder.resolve("project");
        if (Files.isDirectory(project)) {
            try (Stream<Path> old = Files.walk(project)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        launcher.launch(LaunchOptions.none().withScreenshots(folder, sample));
        List<Path> written;
        try (Stream<Path> files = Files.list(folder)) {
            written = files.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
        }
        if (written.isEmpty()) {
            spec.commandLine().getErr().println(folder + ": no screenshots were written (see the messages above).");
            return ExitCodes.FAILED;
        }
        written.forEach(p -> spec.commandLine().getOut().println("Wrote " + p));
        return ExitCodes.OK;
    }
}
