package org.layerloom.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.layerloom.app.imports.ImportedProjects;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.imports.code.CodeImport;
import org.layerloom.engine.imports.code.CodeImportOptions;
import org.layerloom.engine.imports.code.CodeImporter;
import org.layerloom.engine.imports.code.CodeProblem;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.project.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code layerloom import FILE|- --out NEW.loom [--input-shape 1,28,28]}: reads Keras or PyTorch model code
 * from a file or standard input and writes it as a new project, printing what was translated and, for code
 * outside the subset LayerLoom reads, each problem with its line and column. One instance per run, on the
 * main thread.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Reads model code and writes it as a new project: Keras Sequential([...]), model.add(...),"
                + " the functional Layer(...)(x) with Model(inputs, outputs), and PyTorch nn.Sequential(...), with"
                + " compile(...), fit(...), losses and optimizers. What was translated (channels-last shapes,"
                + " padding='same', a last softmax moved into the loss) is printed as notes; code outside that"
                + " subset is reported with its line and column, and nothing is written."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:imported", "1:the code has problems (nothing was written)",
                "2:the file could not be read or is not model code, the output file exists, or the command line"
                        + " was wrong"})
final class ImportCommand implements Callable<Integer> {

    private static final List<String> CODE_EXTENSIONS = List.of(".py", ".txt");

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE|-", description = "A .py or .txt file with the model code, or - to read it from"
            + " standard input.")
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
        if (!source.equals("-") && CODE_EXTENSIONS.stream().noneMatch(source.toLowerCase(Locale.ROOT)::endsWith)) {
            stderr.println(source + " is not model code: this importer reads Keras or PyTorch code from a .py or"
                    + " .txt file, or from standard input with -. Keras (.keras, .h5) and ONNX model files are not"
                    + " read by it.");
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
        CodeImportOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            stderr.println(e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        String code;
        try {
            code = source.equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(source), StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            stderr.println("Cannot read " + source + ": " + e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        CodeImport result = CodeImporter.read(code, options);
        result.notes().forEach(note -> stdout.println("Note: " + note));
        String where = source.equals("-") ? "<stdin>" : source;
        for (CodeProblem problem : result.problems()) {
            stderr.println(where + ":" + problem.describe());
        }
        if (!result.succeeded()) {
            stderr.println("Nothing was written.");
            return ExitCodes.FAILED;
        }
        Project project = result.applyTo(new Project(projectName(), NetworkGraph.empty(), ImportedProjects.guessDataset(result.graph()),
                TrainingSettings.defaults()));
        try {
            ProjectFiles.save(project, out);
        } catch (IOException e) {
            stderr.println("Cannot write " + out + ": " + e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        long layers = result.graph().nodes().stream()
                .filter(n -> n.kind() != LayerKind.INPUT && n.kind() != LayerKind.OUTPUT).count();
        stdout.println("Imported " + layers + " layers into " + out.toAbsolutePath()
                + (project.dataset().source().equals("none") ? "; choose its dataset in the Data area."
                : ", training on " + project.dataset().source() + "."));
        return ExitCodes.OK;
    }

    private CodeImportOptions options() {
        if (inputShape == null) {
            return CodeImportOptions.none();
        }
        List<Integer> shape = new ArrayList<>();
        for (String part : inputShape.split(",")) {
            try {
                int size = Integer.parseInt(part.trim());
                if (size < 1) {
                    throw new NumberFormatException();
                }
                shape.add(size);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--input-shape takes positive whole numbers separated by commas,"
                        + " such as 1,28,28; '" + inputShape + "' is not.");
            }
        }
        if (shape.isEmpty() || shape.size() > 4) {
            throw new IllegalArgumentException("--input-shape takes 1 to 4 sizes, such as 1,28,28.");
        }
        return CodeImportOptions.withInputShape(shape);
    }

    private String projectName() {
        String file = out.getFileName().toString();
        return file.substring(0, file.length() - ProjectFiles.EXTENSION.length());
    }
}
