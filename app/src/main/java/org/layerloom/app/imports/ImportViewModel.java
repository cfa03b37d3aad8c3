package org.layerloom.app.imports;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.layerloom.editor.fx.LatestResult;

/**
 * The state of File &gt; Import…: the pasted code (read again after each change, latest wins, so the preview
 * follows the typing) or the chosen file, the input shape a PyTorch {@code nn.Sequential} may need, what the
 * latest read gave ({@link ImportedModel}, shown as a preview with its notes and issues), and the project it
 * becomes: {@link #create} writes it and hands its file to the app, which opens it. Reading runs on the compute
 * executor and writing on the files executor. JavaFX thread only.
 */
public final class ImportViewModel {

    /** Where the latest model came from. */
    public enum Source { CODE, FILE }

    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final StringProperty inputShape = new SimpleStringProperty(this, "inputShape", "");
    private final ObjectProperty<ImportedModel> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final LatestResult<ImportedModel> reading;
    private final LatestResult<Path> writing;
    private final Consumer<Path> open;
    private final Consumer<ImportedModel> useHere;
    private Source source = Source.CODE;

    /**
     * @param open    opens a written project file in the app (on the JavaFX thread)
     * @param useHere puts an imported network without weights in place of the open project's, as one undoable step
     */
    public ImportViewModel(Executor compute, Executor files, Executor fx, Consumer<Path> open,
                           Consumer<ImportedModel> useHere) {
        this.reading = new LatestResult<>("Reading the model to import", compute, fx);
        this.writing = new LatestResult<>("Writing the imported project", files, fx);
        this.open = open;
        this.useHere = useHere;
        code.addListener((obs, was, is) -> readCode());
        inputShape.addListener((obs, was, is) -> readAgain());
    }

    /** The pasted code; each change is read again. */
    public StringProperty codeProperty() {
        return code;
    }

    /** The input shape for code that does not state it, as the student typed it ("1, 28, 28"). */
    public StringProperty inputShapeProperty() {
        return inputShape;
    }

    /** What the latest read gave; null before anything was read. */
    public ReadOnlyObjectProperty<ImportedModel> modelProperty() {
        return model;
    }

    /** The chosen model file, or null while importing pasted code. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file;
    }

    /** A sentence about the shape field or the last write; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The background reading, for the status bar's task list. */
    public LatestResult<ImportedModel> reading() {
        return reading;
    }

    /** The background writing, for the status bar's task list. */
    public LatestResult<Path> writing() {
        return writing;
    }

    /** Reads a model file (Python code, Keras or ONNX) instead of the pasted code. */
    public void chooseFile(Path chosen) {
        source = Source.FILE;
        file.set(chosen);
        readAgain();
    }

    /** Goes back to the pasted code. */
    public void usePastedCode() {
        source = Source.CODE;
        file.set(null);
        readCode();
    }

    /** Where the model shown comes from. */
    public Source source() {
        return source;
    }

    /** Whether the model shown can become a project. */
    public boolean canCreate() {
        return model.get() != null && model.get().succeeded() && !writing.busyProperty().get();
    }

    /**
     * Whether the model shown can replace the open project's network: it was read without problems and has no
     * weights (pasted code), which could not go with it.
     */
    public boolean canUseHere() {
        return model.get() != null && model.get().succeeded() && model.get().weights().isEmpty();
    }

    /** Puts the model shown in place of the open project's network and settings, undoably. */
    public void useHere() {
        if (canUseHere()) {
            useHere.accept(model.get());
        }
    }

    /** A name for the new project: the file's name, or "Imported model". */
    public String suggestedName() {
        Path chosen = file.get();
        if (source == Source.FILE && chosen != null) {
            return chosen.getFileName().toString().replaceFirst("\\.[^.]*$", "") + ".loom";
        }
        return "Imported model.loom";
    }

    /** Writes the model shown as the project {@code target} (and its weights beside it), then opens it. */
    public void create(Path target) {
        ImportedModel shown = model.get();
        if (shown == null || !shown.succeeded()) {
            return;
        }
        Path project = target.getFileName().toString().endsWith(".loom") ? target
                : target.resolveSibling(target.getFileName() + ".loom");
        message.set("Writing " + project.getFileName() + "…");
        writing.submit(ticket -> {
            ImportedProjects.write(shown, project);
            return project;
        }, written -> {
            message.set("Created " + written.getFileName() + (shown.weights().isEmpty() ? ""
                    : " with its weights in " + written.getFileName().toString().replaceFirst("\\.loom$", "")
                    + ".weights.npz") + ".");
            open.accept(written);
        }, e -> message.set("LayerLoom could not write the project: " + e.getMessage()));
    }

    private void readCode() {
        if (source != Source.CODE) {
            return;
        }
        String text = code.get();
        if (text.isBlank()) {
            reading.cancel();
            model.set(null);
            return;
        }
        Optional<List<Integer>> shape = parsedShape();
        reading.submit(ticket -> ModelImports.code(text, shape, "pasted code"), model::set);
    }

    private void readAgain() {
        if (source == Source.CODE) {
            readCode();
        } else if (file.get() != null) {
            Path chosen = file.get();
            Optional<List<Integer>> shape = parsedShape();
            reading.submit(ticket -> ModelImports.file(chosen, shape), model::set);
        }
    }

    /** The input shape field as numbers, or empty (and a message) when it is blank or not a shape. */
    private Optional<List<Integer>> parsedShape() {
        String text = inputShape.get().trim();
        Optional<List<Integer>> shape = InputShapeText.parse(text);
        message.set(text.isEmpty() || shape.isPresent() ? "" : "The input shape is whole numbers above 0, like"
                + " 1, 28, 28 or 4; \"" + text + "\" is not one, so it is not used.");
        return shape;
    }
}
