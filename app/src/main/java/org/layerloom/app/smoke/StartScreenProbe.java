package org.layerloom.app.smoke;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.layerloom.app.start.StartScreenView;
import org.layerloom.app.start.StartScreenViewModel;
import org.layerloom.app.ui.ScreenshotWriter;
import org.layerloom.app.workspace.RecoveryStore;
import org.layerloom.app.workspace.UserFolders;
import org.layerloom.editor.model.RecentFiles;
import org.layerloom.engine.project.Project;
import org.layerloom.samples.SampleCatalog;

/**
 * Shows the real start screen (its view and view-model, over the user's folders) in a window, reports
 * when its first frame is drawn, optionally writes a PNG of it, then opens a sample the way a click on
 * its card does: the view-model copies it into the projects folder and hands the copy to the app.
 * {@link #show} on the JavaFX thread; the futures complete on it.
 */
public final class StartScreenProbe {

    private static final String STYLESHEET = "/org/layerloom/app/ui/layerloom.css";
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;

    private final UserFolders folders;
    private final Executor background;
    private final CompletableFuture<Void> shown = new CompletableFuture<>();
    private final CompletableFuture<Path> opened = new CompletableFuture<>();
    private final StringBuilder breakdown = new StringBuilder();
    private long mark;
    private Stage stage;

    /** @param background where the view-model copies the sample (a daemon thread) */
    public StartScreenProbe(UserFolders folders, Executor background) {
        this.folders = folders;
        this.background = background;
    }

    /** Completes when the start screen's first frame has been drawn. */
    public CompletableFuture<Void> shown() {
        return shown;
    }

    /** Completes with the copy of the sample once the start screen has opened it. */
    public CompletableFuture<Path> opened() {
        return opened;
    }

    /** Where the time to the first frame went ("view-model 310 ms, view 120 ms, ..."), once it is shown. */
    public String breakdown() {
        return breakdown.toString();
    }

    private void lap(String what) {
        long now = System.nanoTime();
        breakdown.append(breakdown.isEmpty() ? "" : ", ").append(what).append(' ')
                .append((now - mark) / 1_000_000).append(" ms");
        mark = now;
    }

    /** Shows the start screen, then (after the screenshot, if one is asked for) opens {@code sampleId}. */
    public void show(String sampleId, Optional<Path> screenshot) {
        mark = System.nanoTime();
        SampleCatalog catalog = SampleCatalog.standard();
        RecentFiles recent = new RecentFiles(Optional.of(folders.recentFile()));
        StartScreenViewModel model = new StartScreenViewModel(catalog, recent, new RecoveryStore(folders),
                folders.projects(), background, Platform::runLater, new Actions());
        lap("catalog and view-model");
        StartScreenView view = new StartScreenView(model);
        lap("view");
        Scene scene = new Scene(view, WIDTH, HEIGHT);
        scene.getStylesheets().add(StartScreenProbe.class.getResource(STYLESHEET).toExternalForm());
        stage = new Stage();
        stage.setTitle("LayerLoom");
        stage.setScene(scene);
        stage.show();
        lap("CSS, layout and show");
        Runnable openSample = () -> model.samples().stream()
                .filter(card -> card.sample().id().equals(sampleId)).findFirst()
                .ifPresentOrElse(card -> model.openSample(card.sample()), () -> opened.completeExceptionally(
                        new SmokeFailure("the start screen shows no sample with the id '" + sampleId + "'")));
        model.messageProperty().addListener((obs, old, text) -> {
            if (!text.isEmpty()) {
                opened.completeExceptionally(new SmokeFailure("the start screen says: " + text));
            }
        });
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                lap("first frame");
                shown.complete(null);
                screenshot.ifPresentOrElse(
                        png -> new ScreenshotWriter(scene, png, new SimpleBooleanProperty(false), openSample).start(),
                        openSample);
            }
        }.start();
    }

    /** Closes the window. JavaFX thread. */
    public void close() {
        if (stage != null) {
            stage.close();
        }
    }

    private final class Actions implements StartScreenViewModel.Actions {

        @Override
        public void openProject(Path file) {
            opened.complete(file);
        }

        @Override
        public void openNew(Project project) {
            opened.completeExceptionally(new SmokeFailure("the start screen opened a new project instead of the sample"));
        }

        @Override
        public void restore(RecoveryStore.Snapshot snapshot) {
            opened.completeExceptionally(new SmokeFailure("the start screen restored left-behind work instead"));
        }
    }
}
