package org.layerloom.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.layerloom.app.check.ProjectChecker;
import org.layerloom.app.ui.MainWindow;
import org.layerloom.app.ui.ScreenshotWriter;
import org.layerloom.app.ui.project.ProjectCheckViewModel;
import org.layerloom.app.ui.reference.LayerReferenceViewModel;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;

/**
 * The LayerLoom window: wires the view-models to the engine and a daemon background executor, shows
 * the main window and applies the {@link LaunchOptions} (open a project, select a layer, take a
 * screenshot). JavaFX calls it on the JavaFX thread; the executor is shut down in {@link #stop()}.
 */
public final class LayerLoomApp extends Application {

    static final String STYLESHEET = "/org/layerloom/app/ui/layerloom.css";
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;

    private ExecutorService background;

    @Override
    public void start(Stage stage) {
        show(stage, LaunchOptions.fromNamed(getParameters().getNamed()));
    }

    /** Builds and shows the window on {@code stage}; also used by tests. */
    MainWindow show(Stage stage, LaunchOptions options) {
        background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "layerloom-background");
            thread.setDaemon(true);
            return thread;
        });
        LayerReferenceViewModel reference = new LayerReferenceViewModel(LayerCatalog.standard());
        ProjectCheckViewModel project = new ProjectCheckViewModel(new ProjectChecker(GraphValidator.standard()),
                background, Platform::runLater);
        MainWindow window = new MainWindow(reference, project);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(WIDTH, screen.getWidth() * 0.95),
                Math.min(HEIGHT, screen.getHeight() * 0.92));
        scene.getStylesheets().add(getClass().getResource(STYLESHEET).toExternalForm());
        stage.setTitle("LayerLoom");
        stage.setScene(scene);
        stage.show();
        options.layer().ifPresent(reference::selectKind);
        options.project().ifPresent(window::openProject);
        options.screenshot().ifPresent(png ->
                new ScreenshotWriter(scene, png, project.busyProperty(), Platform::exit).start());
        return window;
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdownNow();
        }
    }
}
