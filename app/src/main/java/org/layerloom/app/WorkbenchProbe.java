package org.layerloom.app;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.layerloom.app.engine.EngineStatus;
import org.layerloom.app.settings.AppLooks;
import org.layerloom.app.ui.BackgroundTasks;
import org.layerloom.app.ui.MainWindow;
import org.layerloom.app.workspace.ProjectAutosave;
import org.layerloom.app.workspace.Settings;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.editor.view.EditorPane;
import org.layerloom.engine.look.Theme;

/**
 * What the screenshots command and the tests reach in a built {@link Workbench}: its scene, areas, session
 * and autosave, and the steps they drive (open a project, show a screen, train, check, close). Made by
 * {@link Workbench#probe()}; JavaFX thread only, like the window.
 */
final class WorkbenchProbe {

    private final Stage stage;
    private final Scene scene;
    private final EngineStatus engine;
    private final ProjectSession session;
    private final EditorPane editor;
    private final MainWindow main;
    private final LearningAreas learning;
    private final ProjectAutosave autosave;
    private final AppLooks looks;
    private final BackgroundTasks tasks;
    private final Screens screens;
    private final NetworkCheckWindow check;
    private final WindowClosing closing;
    private final org.layerloom.app.ui.ToolWindow tasksWindow;

    WorkbenchProbe(Stage stage, Scene scene, EngineStatus engine, ProjectSession session, EditorPane editor, MainWindow main,
                   LearningAreas learning, ProjectAutosave autosave, AppLooks looks, BackgroundTasks tasks,
                   Screens screens, NetworkCheckWindow check, WindowClosing closing,
                   org.layerloom.app.ui.ToolWindow tasksWindow) {
        this.tasksWindow = tasksWindow;
        this.stage = stage;
        this.scene = scene;
        this.engine = engine;
        this.session = session;
        this.editor = editor;
        this.main = main;
        this.learning = learning;
        this.autosave = autosave;
        this.looks = looks;
        this.tasks = tasks;
        this.screens = screens;
        this.check = check;
        this.closing = closing;
    }

    Scene scene() {
        return scene;
    }

    /** The engine loading in the background. */
    /** The window with the list of background tasks, which the status bar's task button opens. */
    org.layerloom.app.ui.ToolWindow tasksWindow() {
        return tasksWindow;
    }

    /** The background tasks that the status bar reports. */
    BackgroundTasks tasks() {
        return tasks;
    }

    EngineStatus engine() {
        return engine;
    }

    /** The open project. */
    ProjectSession session() {
        return session;
    }

    EditorPane editor() {
        return editor;
    }

    MainWindow mainWindow() {
        return main;
    }

    /** The Train and Inspect areas. */
    LearningAreas learning() {
        return learning;
    }

    ProjectAutosave autosave() {
        return autosave;
    }

    /** True while anything loads in the background (the project, a dataset, the engine, a check). */
    ObservableBooleanValue busyProperty() {
        return tasks.busyProperty();
    }

    /** The settings in force. */
    ReadOnlyObjectProperty<Settings> settingsProperty() {
        return looks.settingsProperty();
    }

    /** Applies {@code updated} to every window (theme, font size, autosave interval) without saving it. */
    void applySettings(Settings updated) {
        looks.apply(updated);
    }

    void setTheme(Theme theme) {
        looks.apply(looks.settingsProperty().get().withTheme(theme));
    }

    void showStage() {
        stage.show();
    }

    void openProject(Path file) {
        screens.openProject(file);
    }

    void showMain() {
        screens.showMain();
    }

    /** Shows the start screen as it is, for a screenshot (nothing is closed). */
    void showStartScreenOnly() {
        screens.showStartScreenOnly();
    }

    boolean isMainShowing() {
        return screens.isMainShowing();
    }

    /** Trains the open project once it has been read, then runs {@code after}. */
    void trainThen(Runnable after) {
        WhenIdle.then(session.readingProperty(), () -> learning.trainThen(after));
    }

    /** Checks {@code file} in the check window. */
    void checkProject(Path file) {
        check.check(file);
    }

    /** Checks the saved project (what the command line would train) in the check window. */
    void showProjectCheck() {
        check.checkOpenProject();
    }

    /** What the window does when the student closes it, without asking. */
    void closeWork() {
        closing.closeWork();
    }
}
