package org.layerloom.app.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.layerloom.app.ui.ScreenshotWriter;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.preview.OutputExpectation;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;

/**
 * A window with only the data preview pane, rendered to a PNG and closed: {@code layerloom screenshot OUT.png
 * --view data --dataset ID [--data-option KEY=VALUE]...}, or with a project file, the project's dataset checked
 * against its network. Started by the screenshot command through {@link #launch}; JavaFX calls {@link #start}
 * on the JavaFX thread; the background executor is a daemon and is shut down in {@link #stop}.
 */
public final class DataPreviewScreenshot extends Application {

    private static final String STYLESHEET = "/org/layerloom/app/ui/layerloom.css";
    private static final String OPTION_PREFIX = "opt.";
    private ExecutorService background;

    /** Renders the preview of {@code dataset} (or of the project's dataset) to {@code png}; blocks until done. */
    public static void launch(Path png, Optional<String> dataset, Map<String, String> options, Optional<Path> project) {
        List<String> args = new ArrayList<>();
        args.add("--out=" + png.toAbsolutePath());
        dataset.ifPresent(d -> args.add("--dataset=" + d));
        project.ifPresent(p -> args.add("--project=" + p.toAbsolutePath()));
        options.forEach((k, v) -> args.add("--" + OPTION_PREFIX + k + "=" + v));
        Application.launch(DataPreviewScreenshot.class, args.toArray(String[]::new));
    }

    @Override
    public void start(Stage stage) throws Exception {
        Map<String, String> named = getParameters().getNamed();
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "layerloom-data-preview");
            t.setDaemon(true);
            return t;
        });
        DataPreviewViewModel model = new DataPreviewViewModel(DatasetRegistry.standard(), background,
                Platform::runLater);
        DataPreviewView view = new DataPreviewView(model);
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(getClass().getResource(STYLESHEET).toExternalForm());
        stage.setTitle("LayerLoom – data preview");
        stage.setScene(scene);
        stage.show();

        Map<String, Object> options = new TreeMap<>();
        named.forEach((k, v) -> {
            if (k.startsWith(OPTION_PREFIX)) {
                options.put(k.substring(OPTION_PREFIX.length()), v.equals("true") || v.equals("false")
                        ? Boolean.valueOf(v) : v);
            }
        });
        Path base = Path.of("").toAbsolutePath();
        Optional<OutputExpectation> expectation = Optional.empty();
        String source = named.get("dataset");
        long seed = 1;
        if (named.containsKey("project")) {
            Path file = Path.of(named.get("project"));
            Project project = ProjectFiles.load(file);
            base = file.toAbsolutePath().getParent();
            seed = project.training().seed();
            if (source == null) {
                source = project.dataset().source();
                project.dataset().options().forEach(options::putIfAbsent);
            }
            expectation = OutputExpectation.from(project.graph(), GraphValidator.standard().validate(project.graph()));
        }
        DatasetRequest request = new DatasetRequest(source == null ? "shapes" : source, DatasetOptions.of(options),
                base, seed, 0.1, OptionalInt.empty());
        Path png = Path.of(named.get("out"));
        model.busyProperty().addListener((obs, was, busy) -> {
            if (!busy) {
                new ScreenshotWriter(scene, png, model.busyProperty(), Platform::exit).start();
            }
        });
        model.load(request, expectation);
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdownNow();
        }
    }
}
