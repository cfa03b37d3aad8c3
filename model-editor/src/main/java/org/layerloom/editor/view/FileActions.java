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
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.engine.project.ProjectFiles;

/**
 * The File menu's dialogs over the {@link ProjectSession}: New, Open, Save, Save As, recent files, export as
 * PNG and SVG, and the question before unsaved changes are thrown away; Save, Save As and the exports tell
 * {@link #setOnDone} when they are done. The session reads and writes the
 * files on its executor; this class asks where, and explains what failed. JavaFX thread only.
 */
public final class FileActions {

    private static final System.Logger LOG = System.getLogger(FileActions.class.getName());

    /** Told when a file action the student asked for is done. JavaFX thread. */
    @FunctionalInterface
    public interface Done {
        /** {@code title} says what was done ("Saved", "Exported"), {@code text} which file and where. */
        void done(String title, String text);
    }

    private Runnable newProject;
    private Done done = (title, text) -> { };
    private final ProjectSession session;
    private final EditorViewModel editor;
    private final GraphCanvas canvas;
    private final Supplier<Window> owner;
    private File lastDirectory;
    private Path defaultFolder;

    FileActions(ProjectSession session, GraphCanvas canvas, Supplier<Window> owner) {
        this.session = session;
        this.editor = session.editor();
        this.canvas = canvas;
        this.owner = owner;
        session.useDialogs(new ProjectSession.Dialogs() {
            @Override
            public Optional<Path> askWhereToSave() {
                return FileActions.this.askWhereToSave();
            }

            @Override
            public void failed(String header, String message) {
                error(header, message);
            }
        });
    }

    /** True while a project is being read. */
    public ReadOnlyBooleanProperty busyProperty() {
        return session.readingProperty();
    }

    List<Path> recentFiles() {
        return session.recentFiles();
    }

    /**
     * What New does once unsaved changes are settled: by default an empty project in place; the app puts in
     * its "New project" page, which asks for the data first.
     */
    public void setNewProject(Runnable afterConfirm) {
        newProject = afterConfirm;
    }

    /**
     * Where the file choosers start before any project was opened or saved (the student's LayerLoom folder),
     * instead of the folder the app happened to be started from.
     */
    public void setDefaultFolder(Path folder) {
        defaultFolder = folder;
    }

    /** Who is told when Save, Save As or an export is done (the app shows a notification). */
    public void setOnDone(Done listener) {
        done = listener == null ? (title, text) -> { } : listener;
    }

    public void newProject() {
        confirmDiscard(newProject == null ? session::openEmpty : newProject);
    }

    public void open() {
        confirmDiscard(() -> {
            FileChooser chooser = chooser("Open a LayerLoom project");
            File chosen = chooser.showOpenDialog(owner.get());
            if (chosen != null) {
                open(chosen.toPath());
            }
        });
    }

    /** Opens {@code file} once unsaved changes are settled (the question first, when there are any). */
    public void openIfConfirmed(Path file) {
        confirmDiscard(() -> open(file));
    }

    /** Reads {@code file} in the background and shows it; a file that cannot be read is explained. */
    public void open(Path file) {
        remember(file);
        session.open(file, canvas::fitWhenLaidOut);
    }

    /** Saves to the project's file, or asks where when it has none. */
    public void save() {
        session.save(this::saved);
    }

    public void saveAs() {
        session.saveAs(this::saved);
    }

    private void saved() {
        session.file().ifPresent(file -> done.done("Saved", where(file)));
    }

    /** "spirals.loom in /home/ada/LayerLoom". */
    private static String where(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        return file.getFileName() + (folder == null ? "" : " in " + folder);
    }

    /** Writes the project to {@code file} (in the background) and marks it saved. */
    public void saveTo(Path file) {
        remember(file);
        session.saveTo(file, this::saved);
    }

    private Optional<Path> askWhereToSave() {
        FileChooser chooser = chooser("Save the project");
        chooser.setInitialFileName(session.file().map(f -> f.getFileName().toString())
                .orElse(session.project().name() + ProjectFiles.EXTENSION));
        File chosen = chooser.showSaveDialog(owner.get());
        if (chosen == null) {
            return Optional.empty();
        }
        Path file = withExtension(chosen.toPath(), ProjectFiles.EXTENSION);
        remember(file);
        return Optional.of(file);
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
            done.done("Exported", where(file));
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
            done.done("Exported", where(file));
        } catch (IOException e) {
            error("LayerLoom could not write the picture.", e.getMessage());
        }
    }

    /**
     * When there are unsaved changes, asks whether to save them first, then runs {@code proceed}: at once when
     * nothing is unsaved or the student chose not to save, once written when they chose to save. It does not
     * run when the student cancels or saving failed.
     */
    public void confirmDiscard(Runnable proceed) {
        if (!session.isDirty()) {
            proceed.run();
            return;
        }
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Your changes will be lost if you don't save them.",
                save, discard, ButtonType.CANCEL);
        alert.setHeaderText("Save the changes to " + session.file().map(f -> f.getFileName().toString())
                .orElse(session.project().name()) + "?");
        alert.initOwner(owner.get());
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return;
        }
        if (answer.get() == save) {
            session.save(proceed);
        } else {
            proceed.run();
        }
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("LayerLoom projects (*.loom)", "*.loom"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        startFolder().ifPresent(chooser::setInitialDirectory);
        return chooser;
    }

    /**
     * The last folder used, else the default folder (or, before it exists, the folder that would hold it); empty
     * when none exists (the system's choice).
     */
    private Optional<File> startFolder() {
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            return Optional.of(lastDirectory);
        }
        return Optional.ofNullable(defaultFolder).map(Path::toAbsolutePath)
                .flatMap(folder -> folder.toFile().isDirectory() ? Optional.of(folder)
                        : Optional.ofNullable(folder.getParent()).filter(parent -> parent.toFile().isDirectory()))
                .map(Path::toFile);
    }

    private File exportChooser(String description, String pattern, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the network as a picture");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        chooser.setInitialFileName(session.project().name() + extension);
        startFolder().ifPresent(chooser::setInitialDirectory);
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
