package org.layerloom.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.layerloom.engine.export.ExportRefusedException;
import org.layerloom.engine.export.ExportSources;
import org.layerloom.engine.export.ExportedNetwork;
import org.layerloom.engine.export.Exporter;
import org.layerloom.engine.export.TargetWriter;
import org.layerloom.engine.export.TargetWriters;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code layerloom export FILE.loom --to pytorch|onnx [--run RUN_DIR] --out DIR}: writes the project's network
 * for another framework, with the weights of a saved run or, without one, the weights its seed draws. Every node
 * is checked for the target first; a refused network writes nothing. One instance per run, on the main thread.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the project's network for another framework, with its weights: PyTorch (model.py,"
                + " weights.npz, and train.py with the prepared data (data.npz, or data.py for picture folders too"
                + " large to copy) and a README when the data can be read), ONNX (model.onnx, opset 17) or DJL"
                + " (a Maven project in Java). The weights are those a saved run kept (--run), or else the ones"
                + " training would start from (an imported model's starting weights, or those the project's seed"
                + " draws). Every layer is checked for the target first: a network the target cannot express"
                + " writes nothing and says which layer and why."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:exported", "1:the network cannot be exported to that target (nothing was written)",
                "2:the project or the run could not be read, the output folder holds other files, or the command"
                        + " line was wrong"})
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectFileParameter file;

    @Option(names = "--to", required = true, paramLabel = "TARGET",
            description = "What to export to: ${COMPLETION-CANDIDATES}.", completionCandidates = TargetNames.class,
            converter = TargetConverter.class)
    private ExportTarget target;

    @Option(names = "--run", paramLabel = "RUN_DIR",
            description = "A run folder of the project (in NAME.runs): export the network as that run trained it,"
                    + " with the parameters it kept (its best epoch's, else its last).")
    private Path run;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The folder to write into: made if missing; an earlier export of the same target there"
                    + " is replaced, a folder with other files is refused.")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Optional<Project> read = file.read(stderr);
        if (read.isEmpty()) {
            return ExitCodes.UNUSABLE_INPUT;
        }
        Project project = read.get();
        TargetWriter writer = TargetWriters.of(target);
        ExportedNetwork network;
        try {
            network = run == null
                    ? ExportSources.initial(project, file.path().toAbsolutePath().getParent(), target)
                    : ExportSources.fromRun(run, target);
            List<Problem> warnings = Exporter.export(network, writer, out);
            warnings.forEach(w -> stdout.println("Note: " + w.message()));
            network.note().ifPresent(note -> stdout.println("Note: " + note));
        } catch (ExportRefusedException e) {
            stderr.println(e.getMessage());
            stderr.println("Nothing was written.");
            stderr.flush();
            return ExitCodes.FAILED;
        } catch (IOException e) {
            stderr.println(e.getMessage());
            stderr.flush();
            return ExitCodes.UNUSABLE_INPUT;
        }
        String weights = run != null ? "the weights run " + run.getFileName() + " kept"
                : project.startingWeights().map(f -> "the starting weights in " + f)
                .orElse("the weights drawn with the project's seed " + project.training().seed() + " (not trained)");
        stdout.println("Exported " + project.name() + " to " + target.displayName() + " in " + out.toAbsolutePath()
                + ": " + listing(out) + ", with " + weights + ".");
        stdout.flush();
        return ExitCodes.OK;
    }

    private static String listing(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(", "));
        } catch (IOException e) {
            return "its files";
        }
    }

    /** The targets' command-line names, for the help and shell completion. */
    static final class TargetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Stream.of(ExportTarget.values()).map(ExportTarget::id).iterator();
        }
    }

    /** "pytorch" or "onnx" (any case) to its target; anything else is a command-line error naming the choices. */
    static final class TargetConverter implements picocli.CommandLine.ITypeConverter<ExportTarget> {
        @Override
        public ExportTarget convert(String value) {
            return ExportTarget.fromId(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not a target; choose one of " + String.join(", ", new TargetNames())));
        }
    }
}
