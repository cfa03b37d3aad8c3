package org.layerloom.app;

import java.time.Duration;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.layerloom.app.ui.QuitGuard;
import org.layerloom.app.ui.ToolWindow;
import org.layerloom.app.ui.TrainingActions;
import org.layerloom.app.workspace.ProjectAutosave;
import org.layerloom.editor.view.EditorPane;

/**
 * Closing the window: the questions before it closes (a running training, then unsaved changes, through a
 * {@link QuitGuard}), and what closing does (stop the training cleanly, forget the recovery snapshot, close
 * the tool windows). Handles the window's close request and the File menu's Quit. One per window; JavaFX thread.
 */
final class WindowClosing {

    private static final System.Logger LOG = System.getLogger(WindowClosing.class.getName());
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final Stage stage;
    private final TrainingActions training;
    private final Screens screens;
    private final EditorPane editor;
    private final ProjectAutosave autosave;
    private final List<ToolWindow> toolWindows;

    WindowClosing(Stage stage, TrainingActions training, Screens screens, EditorPane editor, ProjectAutosave autosave,
                  List<ToolWindow> toolWindows) {
        this.stage = stage;
        this.training = training;
        this.screens = screens;
        this.editor = editor;
        this.autosave = autosave;
        this.toolWindows = List.copyOf(toolWindows);
        stage.setOnCloseRequest(e -> {
            // The questions may wait for a save to be written: the window closes once they are answered.
            e.consume();
            quit();
        });
    }

    /** Asks about a running training and unsaved changes, then closes the work and the window. */
    void quit() {
        new QuitGuard(training, this::askStopTraining, this::confirmUnsavedWork).ifMayClose(() -> {
            closeWork();
            stage.close();
        });
    }

    private void confirmUnsavedWork(Runnable close) {
        if (screens.isMainShowing()) {
            editor.confirmClose(close);
        } else {
            close.run();
        }
    }

    private boolean askStopTraining() {
        ButtonType stop = new ButtonType("Stop Training and Quit", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The training stops after its current batch and"
                + " keeps its last checkpoint: to go on with it later, select it in Train ▸ Run history and press"
                + " Continue training.", stop, ButtonType.CANCEL);
        alert.setHeaderText("A training is still running. Stop it and quit?");
        alert.initOwner(stage);
        return alert.showAndWait().filter(b -> b == stop).isPresent();
    }

    /** The student chose to close: stop a training cleanly, forget the recovery snapshot, close tool windows. */
    void closeWork() {
        if (!training.stopAndWait(STOP_TIMEOUT)) {
            LOG.log(System.Logger.Level.WARNING, "The training did not stop within " + STOP_TIMEOUT.toSeconds() + " s.");
        }
        autosave.closed();
        toolWindows.forEach(ToolWindow::close);
    }
}
