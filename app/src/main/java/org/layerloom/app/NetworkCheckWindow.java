package org.layerloom.app;

import java.nio.file.Path;
import java.util.Optional;
import org.layerloom.app.ui.ToolWindow;
import org.layerloom.app.ui.project.ProjectCheckViewModel;
import org.layerloom.editor.session.ProjectSession;

/**
 * The Network check tool window: checks a project file as the command line would train it. Opened from the
 * menu for the open project (saved first when it never was) or for any file. JavaFX thread only.
 */
final class NetworkCheckWindow {

    private final ProjectCheckViewModel model;
    private final ToolWindow window;
    private final ProjectSession session;

    NetworkCheckWindow(ProjectCheckViewModel model, ToolWindow window, ProjectSession session) {
        this.model = model;
        this.window = window;
        this.session = session;
    }

    /** Checks {@code file} in the check window. */
    void check(Path file) {
        model.open(file);
        window.show();
    }

    /** Checks the saved project (what the command line would train); a project never saved is saved first. */
    void checkOpenProject() {
        Optional<Path> file = session.file();
        if (file.isPresent()) {
            model.open(file.get());
        } else {
            session.save(() -> session.file().ifPresent(model::open));
        }
        window.show();
    }

    ToolWindow window() {
        return window;
    }
}
