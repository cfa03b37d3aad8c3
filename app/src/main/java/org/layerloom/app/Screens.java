package org.layerloom.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import javafx.application.Platform;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.layerloom.app.start.StartScreenView;
import org.layerloom.app.start.StartScreenViewModel;
import org.layerloom.app.ui.Area;
import org.layerloom.app.ui.MainWindow;
import org.layerloom.app.workspace.ProjectAutosave;
import org.layerloom.app.workspace.RecoveryStore;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.editor.view.EditorPane;
import org.layerloom.engine.project.Project;

/**
 * Moves the student between the start screen and the main window, and brings what they chose on the start
 * screen into the main window: a project file, a new project, or work a crashed window left behind. The main
 * window shows the session's title and autosaves; the start screen does neither. One per window; JavaFX thread.
 */
final class Screens {

    private static final System.Logger LOG = System.getLogger(Screens.class.getName());

    private final Stage stage;
    private final StackPane root;
    private final StartScreenViewModel startModel;
    private final StartScreenView startView;
    private final MainWindow main;
    private final ProjectSession session;
    private final EditorPane editor;
    private final ProjectAutosave autosave;
    private final IntSupplier autosaveSeconds;

    /**
     * @param root            the scene's root, which holds either screen
     * @param autosaveSeconds the autosave interval of the settings in force
     */
    Screens(Stage stage, StackPane root, StartScreenViewModel startModel, StartScreenView startView, MainWindow main,
            ProjectSession session, EditorPane editor, ProjectAutosave autosave, IntSupplier autosaveSeconds) {
        this.stage = stage;
        this.root = root;
        this.startModel = startModel;
        this.startView = startView;
        this.main = main;
        this.session = session;
        this.editor = editor;
        this.autosave = autosave;
        this.autosaveSeconds = autosaveSeconds;
    }

    /** Shows the start screen as it is, for a screenshot (nothing is closed). */
    void showStartScreenOnly() {
        startModel.refresh();
        root.getChildren().setAll(startView);
    }

    void showStartScreen() {
        autosave.closed();
        startModel.refresh();
        root.getChildren().setAll(startView);
        stage.titleProperty().unbind();
        stage.setTitle("LayerLoom");
    }

    /** The File menu's Start Screen: asks about unsaved changes, then closes the project and goes back. */
    void backToStartScreen() {
        editor.confirmClose(() -> {
            session.openEmpty();
            showStartScreen();
        });
    }

    /** File > New, once unsaved changes are settled: the start screen's "New project" page, data first. */
    void newProject() {
        session.openEmpty();
        showStartScreen();
        startModel.newProject(org.layerloom.app.start.ProjectTemplate.MLP);
    }

    void showMain() {
        if (!isMainShowing()) {
            root.getChildren().setAll(main);
            stage.titleProperty().bind(session.titleProperty());
            autosave.setInterval(autosaveSeconds.getAsInt());
        }
    }

    boolean isMainShowing() {
        return root.getChildren().contains(main);
    }

    /** Brings {@code area} of the main window to the front. */
    void showArea(Area area) {
        showMain();
        main.show(area);
    }

    /** Opens a project file in the editor (read in the background) and shows the Model area. */
    void openProject(Path file) {
        showArea(Area.MODEL);
        editor.open(file);
    }

    /** Shows a project the start screen made (from a template), never saved, in the Model area. */
    void openNew(Project project) {
        session.open(project, java.util.Optional.empty());
        showArea(Area.MODEL);
        Platform.runLater(editor::fit);
    }

    /**
     * Restores work a previous session left behind: opens its saved file (or a new project) and replaces
     * the network with the autosaved one as one undoable step, so the restored work shows as unsaved.
     */
    void restore(RecoveryStore.Snapshot snapshot) {
        RestoreEdit.restore(session, snapshot);
        showArea(Area.MODEL);
        Platform.runLater(editor::fit);
        autosave.autosaveNow();
        try {
            snapshot.slot().clear();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not delete the old recovery file: " + e.getMessage());
        }
    }

    /** A new autosave interval applies at once while the main window shows. */
    void autosaveIntervalChanged(int seconds) {
        if (isMainShowing()) {
            autosave.setInterval(seconds);
        }
    }
}
