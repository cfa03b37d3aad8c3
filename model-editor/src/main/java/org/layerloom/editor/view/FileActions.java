package org.layerloom.editor.view;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.layerloom.editor.export.PngExporter;
import org.layerloom.editor.export.SvgExporter;
import org.layerloom.editor.fx.LatestResult;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;

/**
 * New, Open, Save, Save As, recent files, export as PNG and SVG, and the question before unsaved
 * changes are thrown away. Files are read on the I/O executor, and only the file opened last is
 * shown ({@link LatestResult}); saving writes the small project file atomically
 * ({@link ProjectFiles#save}) on the calling thread so the saved version is exactly the one on screen.
 * JavaFX thread only.
 */
public final class FileActions {

    private static final System.Logger LOG = System.getLogger(FileActions.class.getName());

    private final EditorViewModel editor;
    private final EditorServices services;
    private final GraphCanvas canvas;
    private final Supplier<Window> owner;
    private final LatestResult<Project> reading;
    private File lastDirectory;

    FileActions(EditorViewModel editor, EditorServices services, GraphCanvas canvas, Supplier<Window> owner) {
        this.editor = editor;
        this.services = services;
        this.canvas = canvas;
        this.owner = owner;
        this.reading = new LatestResult<>("Reading the project", services.io(), services.fx());
    }

    /** True while a project is being read. */
    public ReadOnlyBooleanProperty busyProperty() {
        return reading.busyProperty();
    }

    List<Path> recentFiles() {
        return services.recentFiles().files();
    }

    public void newProject() {
        if (confirmDiscard()) {
            editor.open(EditorViewModel.emptyProject(), Optional.empty());
        }
    }

    public void open() {
        if (!confirmDiscard()) {
            return;
        }
        FileChooser chooser = chooser("Open a LayerLoom project");
        File chosen = chooser.showOpenDialog(owner.get());
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    void openIfConfirmed(Path file) {
        if (confirmDiscard()) {
            open(file);
        }
    }

    /** Reads {@code file} in the background and shows it; a file that cannot be read is explained. */
    public void open(Path file) {
        remember(file);
        reading.submit(ticket -> ProjectFiles.load(file), project -> {
            editor.open(project, Optional.of(file));
            services.recentFiles().add(file);
            canvas.fitWhenLaidOut();
        }, e -> {
            editor.setStatus("Could not open " + file.getFileName());
            error("LayerLoom could not open this project.", e.getMessage());
        });
    }

    /** Saves to the project's file, or asks where when it has none. Returns whether it saved. */
    public boolean save() {
        Optional<Path> file = editor.file();
        return file.isPresent() ? saveTo(file.get()) : saveAs();
    }

    public boolean saveAs() {
        FileChooser chooser = chooser("Save the project");
        chooser.setInitialFileName(editor.file().map(f -> f.getFileName().toString())
                .orElse(editor.project().name() + ProjectFiles.EXTENSION));
        File chosen = chooser.showSaveDialog(owner.get());
        return chosen != null && saveTo(withExtension(chosen.toPath(), ProjectFiles.EXTENSION));
    }

    /** Writes the project to {@code file} atomically and marks it saved. */
    public boolean saveTo(Path file) {
        try {
            ProjectFiles.save(editor.project(), file);
            editor.markSaved(file);
            services.recentFiles().add(file);
            remember(file);
            return true;
        } catch (IOException e) {
            error("LayerLoom could not save the project.", e.getMessage());
            return false;
        }
    }

    public void exportPng() {
        File chosen = exportChooser("PNG pictures (*.png)", "*.png", ".png");
        if (chosen != null) {
            exportPng(withExtension(chosen.toPath(), ".png"));
        }
    }

    /** Writes the whole graph, at twice its size for sharp printing, as a PNG picture. */
    public void exportPng(Path file) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(2, 2));
        params.setFill(canvas.theme().isDark() ? javafx.scene.paint.Color.web("#1b1f26")
                : javafx.scene.paint.Color.web("#f4f6f9"));
        WritableImage image = canvas.contentLayer().snapshot(params, null);
        try {
            PngExporter.write(image, file);
            editor.setStatus("Exported " + file.getFileName());
        } catch (IOException e) {
            error("LayerLoom could not write the picture.", e.getMessage());
        }
    }

    public void exportSvg() {
        File chosen = exportChooser("SVG pictures (*.svg)", "*.svg", ".svg");
        if (chosen != null) {
            exportSvg(withExtension(chosen.toPath(), ".svg"));
        }
    }

    public void exportSvg(Path file) {
        try {
            Files.writeString(file, new SvgExporter(editor.catalog()).toSvg(editor.report()), StandardCharsets.UTF_8);
            editor.setStatus("Exported " + file.getFileName());
        } catch (IOException e) {
            error("LayerLoom could not write the picture.", e.getMessage());
        }
    }

    /**
     * When there are unsaved changes, asks whether to save them first. Returns false when the student
     * cancels (or saving failed), true when it is fine to go on.
     */
    public boolean confirmDiscard() {
        if (!editor.isDirty()) {
            return true;
        }
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Your changes will be lost if you don't save them.",
                save, discard, ButtonType.CANCEL);
        alert.setHeaderText("Save the changes to " + editor.file().map(f -> f.getFileName().toString())
                .orElse(editor.project().name()) + "?");
        alert.initOwner(owner.get());
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return false;
        }
        return answer.get() != save || save();
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("LayerLoom projects (*.loom)", "*.loom"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        return chooser;
    }

    private File exportChooser(String description, String pattern, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the network as a picture");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        chooser.setInitialFileName(editor.project().name() + extension);
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        return chooser.showSaveDialog(owner.get());
    }

    private void remember(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        lastDirectory = parent == null ? null : parent.toFile();
    }

    private static Path withExtension(Path path, String extension) {
        String name = path.getFileName().toString();
        return name.contains(".") ? path : path.resolveSibling(name + extension);
    }

    private void error(String header, String message) {
        LOG.log(System.Logger.Level.WARNING, header + " " + message);
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.setHeaderText(header);
        if (owner.get() != null) {
            alert.initOwner(owner.get());
        }
        alert.show();
    }
}
