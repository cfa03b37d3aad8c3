package org.layerloom.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.layerloom.app.AppLauncher;
import org.layerloom.app.LaunchOptions;
import org.layerloom.engine.graph.LayerKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code layerloom screenshot OUT.png [FILE.loom] [--layer KIND] [--theme light|dark] [--select NODE]}: renders the
 * window (the Model area with the project, the start screen without one, or the layer reference's window with
 * {@code --layer}) to a PNG file and quits, for
 * documentation and reviews. With {@code --view data [--dataset ID] [--data-option K=V]...} it renders the data
 * preview pane instead. Needs a display (on a server: {@code xvfb-run}). One
 * instance per run, on the main thread.
 */
@Command(name = "screenshot", hidden = true, mixinStandardHelpOptions = true,
        description = "Renders the LayerLoom window to a PNG file and quits (needs a display, e.g. xvfb-run).")
final class ScreenshotCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT.png", description = "Where to write the image.")
    private Path out;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE.loom", description = "A project to show.")
    private Path project;

    @Option(names = "--layer", paramLabel = "KIND", description = "The layer to select in the reference, e.g. Conv2D.")
    private String layer;

    // --- data preview (org.layerloom.app.data) ---
    @Option(names = "--view", paramLabel = "VIEW", description = "What to render: main (the window) or data "
            + "(the data preview pane).", defaultValue = "main")
    private String view;

    @Option(names = "--dataset", paramLabel = "ID", description = "With --view data: the dataset to preview, e.g. "
            + "shapes, digits, csv, mnist.")
    private String dataset;

    @Option(names = "--data-option", paramLabel = "KEY=VALUE", description = "With --view data: a dataset option, "
            + "e.g. path=../shared/datasets/iris/iris.csv (repeatable).")
    private java.util.Map<String, String> dataOptions = new java.util.LinkedHashMap<>();
    // --- end of data preview ---

    @Option(names = "--theme", paramLabel = "light|dark", description = "The editor's theme (default: light).")
    private String theme = "light";

    @Option(names = "--select", paramLabel = "NODE", description = "A layer of the project (its id) to select and"
            + " show at 100 % in the editor.")
    private String node;

    private final AppLauncher launcher;

    ScreenshotCommand(AppLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws IOException {
        if (view.equals("data")) {
            return dataPreview();
        }
        if (!view.equals("main")) {
            throw new ParameterException(spec.commandLine(), "Unknown view '" + view + "'. Known: main, data.");
        }
        if (!theme.equals("light") && !theme.equals("dark")) {
            throw new ParameterException(spec.commandLine(), "--theme must be light or dark, not '" + theme + "'.");
        }
        LaunchOptions options = LaunchOptions.none().withScreenshot(out).withDarkTheme(theme.equals("dark"));
        if (node != null) {
            options = options.withNode(node);
        }
        if (project != null) {
            options = options.withProject(project);
        }
        if (layer != null) {
            if (LayerKind.fromId(layer).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "Unknown layer kind '" + layer + "'. Known: "
                        + String.join(", ", LayerKind.ids()) + ".");
            }
            options = options.withLayer(layer);
        }
        Files.deleteIfExists(out);
        launcher.launch(options);
        if (!Files.isRegularFile(out)) {
            spec.commandLine().getErr().println(out + ": no screenshot was written (see the messages above).");
            return ExitCodes.FAILED;
        }
        spec.commandLine().getOut().println("Wrote " + out);
        return ExitCodes.OK;
    }

    /** Renders the data preview pane (see {@link org.layerloom.app.data.DataPreviewScreenshot}). */
    private Integer dataPreview() throws IOException {
        Files.deleteIfExists(out);
        org.layerloom.app.data.DataPreviewScreenshot.launch(out, java.util.Optional.ofNullable(dataset), dataOptions,
                java.util.Optional.ofNullable(project));
        if (!Files.isRegularFile(out)) {
            spec.commandLine().getErr().println(out + ": no screenshot was written (see the messages above).");
            return ExitCodes.FAILED;
        }
        spec.commandLine().getOut().println("Wrote " + out);
        return ExitCodes.OK;
    }
}
