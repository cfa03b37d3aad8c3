package org.layerloom.app.data;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the student for a file or a folder. The app uses the system's choosers ({@link #system()}); tests
 * put in a chooser that answers with a prepared path. JavaFX thread only.
 */
public interface PathChooser {

    /** A file to read; {@code extensions} like "*.csv", the first filter named {@code kinds}. */
    Optional<Path> chooseFile(Node owner, String title, String kinds, List<String> extensions, Path start);

    /** A folder to read. */
    Optional<Path> chooseFolder(Node owner, String title, Path start);

    /** The system's file and folder choosers, owned by the window of the asking node. */
    static PathChooser system() {
        return new PathChooser() {
            @Override
            public Optional<Path> chooseFile(Node owner, String title, String kinds, List<String> extensions,
                                             Path start) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(kinds, extensions),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
                if (start != null && start.toFile().isDirectory()) {
                    chooser.setInitialDirectory(start.toFile());
                }
                return Optional.ofNullable(chooser.showOpenDialog(window(owner))).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseFolder(Node owner, String title, Path start) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle(title);
                if (start != null && start.toFile().isDirectory()) {
                    chooser.setInitialDirectory(start.toFile());
                }
                return Optional.ofNullable(chooser.showDialog(window(owner))).map(File::toPath);
            }

            private Window window(Node owner) {
                return owner.getScene() == null ? null : owner.getScene().getWindow();
            }
        };
    }
}
