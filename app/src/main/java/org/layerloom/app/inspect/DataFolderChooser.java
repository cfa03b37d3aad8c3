package org.layerloom.app.inspect;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * Asks the student for the folder that holds a run's data now (its files moved). The app uses a
 * {@link DirectoryChooser}; tests give the folder directly. JavaFX thread only.
 */
@FunctionalInterface
public interface DataFolderChooser {

    /**
     * The chosen folder, or empty when the student cancelled.
     *
     * @param owner the window the chooser belongs to (may be null)
     * @param start where to start looking (may be null)
     */
    Optional<Path> choose(Window owner, Path start);

    /** The system's folder chooser. */
    static DataFolderChooser system() {
        return (owner, start) -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Where is the run's data now?");
            if (start != null && start.toFile().isDirectory()) {
                chooser.setInitialDirectory(start.toFile());
            }
            return Optional.ofNullable(chooser.showDialog(owner)).map(java.io.File::toPath);
        };
    }
}
