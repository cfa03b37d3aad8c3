package org.layerloom.app;

import java.nio.file.Path;
import java.util.Optional;
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
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.RecentFiles;
import org.layerloom.editor.view.EditorPane;
import org.layerloom.editor.view.EditorServices;
import org.layerloom.editor.view.EditorTheme;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;

/**
 * The LayerLoom window: wires the view-models and the model editor to the engine and a daemon
 * background executor, shows the main window and applies the {@link LaunchOptions} (open a project in
 * the editor, select a layer, use the dark theme, take a screenshot). Asks before closing with unsaved
 * changes. JavaFX calls it on the JavaFX thread; the executor is shut down in {@link #stop()}.
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
        EditorPane editor = new EditorPane(new EditorViewModel(GraphValidator.standard(), LayerCatalog.standard()),
                new EditorServices(background, Platform::runLater, new RecentFiles(recentFilesStore())));
        if (options.dark()) {
            editor.themeProperty().set(EditorTheme.DARK);
        }
        MainWindow window = new MainWindow(reference, project, editor);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(WIDTH, screen.getWidth() * 0.95),
                Math.min(HEIGHT, screen.getHeight() * 0.92));
        scene.getStylesheets().add(getClass().getResource(STYLESHEET).toExternalForm());
        stage.titleProperty().bind(editor.titleProperty());
        stage.setOnCloseRequest(e -> {
            if (!editor.confirmClose()) {
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.show();
        options.project().ifPresent(window::openProject);
        options.node().ifPresent(editor::showNode);
        options.layer().ifPresent(kind -> {
            reference.selectKind(kind);
            window.showReference();
        });
        options.screenshot().ifPresent(png -> new ScreenshotWriter(scene, png,
                project.busyProperty().or(editor.busyProperty()), Platform::exit).start());
        return window;
    }

    /** Where the recent projects are listed: {@code ~/.layerloom/recent-projects.txt}, or under -Dlayerloom.home. */
    private static Optional<Path> recentFilesStore() {
        String home = System.getProperty("layerloom.home");
        if (home == null) {
            String user = System.getProperty("user.home");
            if (user == null) {
                return Optional.empty();
            }
            home = Path.of(user, ".layerloom").toString();
        }
        return Optional.of(Path.of(home, "recent-projects.txt"));
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdownNow();
        }
    }
}
