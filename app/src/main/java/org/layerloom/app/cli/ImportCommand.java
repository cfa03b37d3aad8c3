package org.layerloom.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.layerloom.app.imports.ImportIssue;
import org.layerloom.app.imports.ImportedModel;
import org.layerloom.app.imports.ImportedProjects;
import org.layerloom.app.imports.InputShapeText;
import org.layerloom.app.imports.ModelImports;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code layerloom import FILE|- --out NEW.loom [--input-shape 1,28,28]}: reads an ONNX model, or Keras or
 * PyTorch model code from a file or standard input, and writes it as a new project (an ONNX model's weights
 * beside it as its starting weights), printing what was translated and each problem: with its line and column
 * in code, with the ONNX node that did not map. The window's import reads models the same way
 * ({@link ModelImports}, {@link ImportedProjects}). One instance per run, on the main thread.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Reads a model and writes it as a new project: a Keras model (.keras, legacy .h5, model JSON or"
                + " TensorFlow.js model.json) or an ONNX model (.onnx), with its weights (kept beside the project as"
                + " NAME.weights.npz, which training starts from), or model code from a .py or"
                + " .txt file or standard input: Keras Sequential([...]), model.add(...),"
                + " the functional Layer(...)(x) with Model(inputs, outputs), and PyTorch nn.Sequential(...), with"
                + " compile(...), fit(...), losses and optimizers. What was translated (channels-last shapes,"
                + " padding='same', a last softmax moved into the loss) is printed as notes; code outside that"
                + " subset is reported with its line and column, an ONNX node that matches no layer by its name and"
                + " operator, and nothing is written."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:imported", "1:the code has problems (nothing was written)",
                "2:the file could not be read or is not model code, the output file exists, or the command line"
                        + " was wrong"})
final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE|-", description = "A Keras (.keras, .h5, .json) or ONNX (.onnx) model, a .py or"
            + " .txt file with the model code, or - to read code from standard input.")
    private String source;

    @Option(names = "--out", required = true, paramLabel = "NEW.loom",
            description = "The project file to write; an existing file is never replaced.")
    private Path out;

    @Option(names = "--input-shape", paramLabel = "C,H,W",
            description = "The shape of one example, channels first (such as 1,28,28, or 100 for 100 token ids), for"
                    + " code that does not say it, like an nn.Sequential that does not start with nn.Linear.")
    private String inputShape;

    private final InputStream stdin;

    ImportCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            return run(stdout, stderr);
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }

    private int run(PrintWriter stdout, PrintWriter stderr) {
        if (!source.equals("-") && !ModelImports.reads(Path.of(source))) {
            stderr.println(source + " is not a model LayerLoom imports: it reads Keras models (.keras, .h5, .json),"
                    + " ONNX models (.onnx), and Keras or PyTorch code from a .py or .txt file or from standard input"
                    + " with -.");
            return ExitCodes.UNUSABLE_INPUT;
        }
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ProjectFiles.EXTENSION)) {
            stderr.println("The output must be a project file ending in " + ProjectFiles.EXTENSION + ", such as "
                    + "model.loom.");
            return ExitCodes.UNUSABLE_INPUT;
        }
        if (Files.exists(out)) {
            stderr.println(out + " already exists; choose a new file name (import never replaces a project).");
            return ExitCodes.UNUSABLE_INPUT;
        }
        Optional<List<Integer>> shape;
        try {
            shape = inputShape();
        } catch (IllegalArgumentException e) {
            stderr.println(e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        ImportedModel model;
        if (source.equals("-")) {
            try {
                model = ModelImports.code(new String(stdin.readAllBytes(), StandardCharsets.UTF_8), shape, "<stdin>");
            } catch (IOException e) {
                stderr.println("Cannot read standard input: " + e.getMessage());
                return ExitCodes.UNUSABLE_INPUT;
            }
        } else if (!Files.isRegularFile(Path.of(source)) || !Files.isReadable(Path.of(source))) {
            stderr.println("Cannot read " + source + ": there is no such file, or it cannot be read.");
            return ExitCodes.UNUSABLE_INPUT;
        } else {
            model = ModelImports.file(Path.of(source), shape);
        }
        model.notes().forEach(note -> stdout.println("Note: " + note));
        String where = source.equals("-") ? "<stdin>" : source;
        for (ImportIssue issue : model.issues()) {
            stderr.println(issue.hasPosition()
                    ? where + ":" + issue.line() + ":" + issue.column() + ": " + issue.message()
                    + (issue.suggestion().isEmpty() ? "" : " " + issue.suggestion())
                    : where + ": " + issue.describe());
        }
        if (!model.succeeded()) {
            stderr.println("Nothing was written.");
            return ExitCodes.FAILED;
        }
        Project project;
        try {
            project = ImportedProjects.write(model, out);
        } catch (IOException e) {
            stderr.println("Cannot write " + out + ": " + e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        long layers = project.graph().nodes().stream()
                .filter(n -> n.kind() != LayerKind.INPUT && n.kind() != LayerKind.OUTPUT).count();
        stdout.println("Imported " + layers + " layers into " + out.toAbsolutePath()
                + project.startingWeights().map(w -> ", with its weights in " + w).orElse("")
                + (project.dataset().source().equals(DatasetChoice.NO_DATASET)
                ? "; choose its dataset in the Data area." : ", training on " + project.dataset().source() + "."));
        return ExitCodes.OK;
    }

    private Optional<List<Integer>> inputShape() {
        if (inputShape == null) {
            return Optional.empty();
        }
        return Optional.of(InputShapeText.parse(inputShape).orElseThrow(() -> new IllegalArgumentException(
                "--input-shape takes positive whole numbers separated by commas, such as 1,28,28 (1 to "
                        + InputShapeText.MAX_SIZES + " of them); '" + inputShape + "' is not.")));
    }
}
