package org.layerloom.app.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.layerloom.engine.imports.code.CodeImport;
import org.layerloom.engine.imports.code.CodeImportOptions;
import org.layerloom.engine.imports.code.CodeImporter;
import org.layerloom.engine.imports.keras.KerasImport;
import org.layerloom.engine.imports.keras.KerasImporter;
import org.layerloom.engine.imports.onnx.OnnxImport;
import org.layerloom.engine.imports.onnx.OnnxImportNote;
import org.layerloom.engine.imports.onnx.OnnxImporter;
import org.layerloom.engine.project.Project;

/**
 * Reads a model for import, from pasted code or a file chosen by its extension: Python code ({@code .py},
 * {@code .txt}) through the core's code importer, ONNX models ({@code .onnx}) through the engine's ONNX importer
 * (with their weights; every ONNX node that did not map is named), and Keras models ({@code .keras}, legacy
 * {@code .h5}, a model's JSON or a TensorFlow.js {@code model.json}) through the engine's Keras importer (with
 * their weights where the file has them, and the optimizer they were compiled with). Stateless; call off the
 * JavaFX thread (files are read and models may be large).
 */
public final class ModelImports {

    /** The kinds of file {@link #file} reads, as file-chooser patterns. */
    public static final List<String> FILE_PATTERNS = List.of("*.keras", "*.h5", "*.json", "*.onnx", "*.py",
            "*.txt");

    private ModelImports() {
    }

    /** Pasted Keras or PyTorch code; {@code inputShape} for a PyTorch {@code nn.Sequential} that does not say it. */
    public static ImportedModel code(String code, Optional<List<Integer>> inputShape, String source) {
        CodeImport read = CodeImporter.read(code, inputShape.map(CodeImportOptions::withInputShape)
                .orElse(CodeImportOptions.none()));
        return new ImportedModel(source, read.succeeded() ? Optional.of(read.graph()) : Optional.empty(),
                read.notes(), read.problems().stream().map(p -> ImportIssue.inCode(p.line(), p.column(), p.message(),
                        p.suggestion())).toList(), project -> project.withTraining(
                        read.training().applyTo(project.training())), List.of());
    }

    /**
     * An ONNX import as a model: what the importer mapped (each ONNX node and the layer it became) and the
     * parameters ONNX does not hold are notes; a node that did not map, or a broken file, is an issue naming the
     * ONNX node and its operator.
     */
    static ImportedModel onnx(OnnxImport read, String name) {
        List<String> notes = read.report().stream().filter(n -> !n.stopsImport()).map(ModelImports::line).toList();
        List<ImportIssue> issues = read.problems().stream().map(n -> ImportIssue.inFile(
                n.onnxNode().isEmpty() ? name : place(n), n.message(), n.kind() == OnnxImportNote.Kind.UNMAPPED
                        ? "LayerLoom imports a model only when every node maps to a layer." : "")).toList();
        return new ImportedModel(name, read.graph(), notes, issues, UnaryOperator.identity(), read.weights());
    }

    /**
     * A Keras import as a model: its notes, its problems (each names the Keras layer), and the optimizer and
     * learning rate it was compiled with (the rest of the training settings stay the project's).
     */
    static ImportedModel keras(KerasImport read, String name) {
        List<ImportIssue> issues = read.problems().stream().map(p -> ImportIssue.inFile(name, p, "")).toList();
        UnaryOperator<Project> settings = project -> read.training()
                .map(t -> project.withTraining(project.training().withOptimizer(t.optimizer()))).orElse(project);
        return new ImportedModel(name, read.isImported() ? Optional.of(read.graph()) : Optional.empty(), read.notes(),
                issues, settings, read.weights());
    }

    private static String line(OnnxImportNote note) {
        return (note.onnxNode().isEmpty() ? "" : place(note) + ": ") + note.message();
    }

    /** The ONNX node a report line is about, with its operator: "fc1 (Gemm)". */
    private static String place(OnnxImportNote note) {
        return note.onnxNode() + (note.opType().isEmpty() ? "" : " (" + note.opType() + ")");
    }

    /** Whether {@code file} is read as model code (.py, .txt), the only kind that may need an input shape. */
    public static boolean isCode(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".py") || name.endsWith(".txt");
    }

    /** Whether {@link #file} reads files with {@code file}'s extension. */
    public static boolean reads(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return FILE_PATTERNS.stream().anyMatch(pattern -> name.endsWith(pattern.substring(1)));
    }

    /** A model file, read as its extension says. */
    public static ImportedModel file(Path file, Optional<List<Integer>> inputShape) {
        String name = file.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                : "";
        try {
            return switch (extension) {
                case "py", "txt" -> code(Files.readString(file, StandardCharsets.UTF_8), inputShape, name);
                case "onnx" -> onnx(OnnxImporter.read(file), name);
                case "keras", "h5", "json" -> keras(KerasImporter.read(file), name);
                default -> ImportedModel.failed(name, List.of(ImportIssue.inFile(name, "LayerLoom does not import"
                        + (extension.isEmpty() ? " files without an extension." : " ." + extension + " files."),
                        "Choose a Keras model (.keras, .h5, .json), an ONNX model (.onnx) or Python code (.py or"
                                + " .txt).")));
            };
        } catch (IOException e) {
            return ImportedModel.failed(name, List.of(ImportIssue.inFile(name, "LayerLoom could not read the file: "
                    + e.getMessage(), "Check that the file exists and can be read.")));
        }
    }
}
