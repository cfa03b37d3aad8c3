package org.layerloom.app;

import org.layerloom.app.export.ExportViewModel;
import org.layerloom.app.ui.ToolWindow;
import org.layerloom.editor.session.ProjectSession;

/**
 * The File &gt; Export… window: each time it opens it takes the project as it is open now (its saved runs when it
 * has a file; a project never saved has no runs, so it exports its untrained weights, which is what a student who
 * has not trained expects). JavaFX thread only.
 */
final class ExportWindow {

    private final ExportViewModel model;
    private final ToolWindow window;
    private final ProjectSession session;

    ExportWindow(ExportViewModel model, ToolWindow window, ProjectSession session) {
        this.model = model;
        this.window = window;
        this.session = session;
    }

    /** Opens the window on the open project. */
    void open() {
        if (!model.busyProperty().get()) {
            model.prepare(session.project(), session.file());
        }
        window.show();
    }

    ExportViewModel model() {
        return model;
    }

    ToolWindow window() {
        return window;
    }
}
