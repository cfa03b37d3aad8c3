package org.layerloom.app.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.layerloom.engine.imports.code.CodeImport;
import org.layerloom.engine.imports.code.CodeImportOptions;
import org.layerloom.engine.imports.code.CodeImporter;

/**
 * Reads a model for import, from pasted code or a file chosen by its extension: Python code ({@code .py},
 * {@code .txt}) through the core's code importer. Stateless; call off the JavaFX thread (files are read and
 * ONNX and Keras models may be large).
 */
public final class ModelImports {

    /** The kinds of file {@link #file} reads, as file-chooser patterns. */
    public static final List<String> FILE_PATTERNS = List.of("*.py", "*.txt");

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

    /** A model file, read as its extension says. */
    public static ImportedModel file(Path file, Optional<List<Integer>> inputShape) {
        String name = file.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                : "";
        try {
            return switch (extension) {
                case "py", "txt" -> code(Files.readString(file, StandardCharsets.UTF_8), inputShape, name);
                default -> ImportedModel.failed(name, List.of(ImportIssue.inFile(name, "LayerLoom does not import"
                        + " ." + extension + " files.", "Choose Python code (.py or .txt).")));
            };
        } catch (IOException e) {
            return ImportedModel.failed(name, List.of(ImportIssue.inFile(name, "LayerLoom could not read the file: "
                    + e.getMessage(), "Check that the file exists and can be read.")));
        }
    }
}
