package org.layerloom.app.imports;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks where a new project file goes, with the system's save dialog: a LayerLoom project ({@code *.loom}), starting
 * in {@code folder} (the student's LayerLoom folder, made when missing) with {@code suggestedName}. The dialog itself asks before replacing a file. JavaFX thread only.
 */
public final class ProjectFileChooser {

    private ProjectFileChooser() {
    }

    /** The chosen file, with {@code .loom} added when the name lacks it; empty when cancelled. */
    public static Optional<Path> chooseNew(Window owner, String title, Path folder, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("LayerLoom project", "*.loom"));
        if (folder != null) {
            try {
                Files.createDirectories(folder);
                chooser.setInitialDirectory(folder.toFile());
            } catch (java.io.IOException | SecurityException e) {
                // the chooser starts where the system's does
            }
        }
        chooser.setInitialFileName(suggestedName);
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) {
            return Optional.empty();
        }
        Path path = chosen.toPath();
        return Optional.of(path.getFileName().toString().endsWith(".loom") ? path
                : path.resolveSibling(path.getFileName() + ".loom"));
    }
}
