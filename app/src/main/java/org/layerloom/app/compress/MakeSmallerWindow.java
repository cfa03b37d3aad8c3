package org.layerloom.app.compress;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens "Make it smaller" for one run in its own window, with its own engine thread (a daemon, ended when
 * the window closes, after the run is freed). JavaFX thread only.
 */
public final class MakeSmallerWindow {

    private MakeSmallerWindow() {
    }

    /**
     * @param closed   told when the window closes (the history reloads, to list the runs saved from it)
     * @param fineTune starts an ordinary run that fine-tunes the pruned run saved in the folder it is given, and says
     *                 whether it started
     */
    public static Stage show(Path runFolder, Window owner, Runnable closed, java.util.function.Predicate<Path> fineTune) {
        ExecutorService engine = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "make-smaller");
            thread.setDaemon(true);
            return thread;
        });
        MakeSmallerViewModel model = new MakeSmallerViewModel(engine, Platform::runLater, fineTune);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Make it smaller: " + runFolder.getFileName());
        stage.setScene(new Scene(new MakeSmallerView(model), 720, 520));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setOnHidden(e -> {
            model.close();
            engine.shutdown();
            closed.run();
        });
        model.open(runFolder);
        stage.show();
        return stage;
    }
}
