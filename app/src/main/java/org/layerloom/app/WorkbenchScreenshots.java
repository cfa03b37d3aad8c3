package org.layerloom.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import org.layerloom.app.ui.Area;
import org.layerloom.app.ui.ScreenshotSequence;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.samples.SampleCatalog;

/**
 * {@code layerloom screenshots DIR}: opens a copy of a sample in the {@link Workbench}, writes a PNG of every
 * view in {@link #VIEWS}, light and dark, and quits. Adding a view is one line in {@link #VIEWS}. Single use;
 * JavaFX thread only.
 */
final class WorkbenchScreenshots {

    private static final System.Logger LOG = System.getLogger(WorkbenchScreenshots.class.getName());

    /**
     * The views {@code layerloom screenshots DIR} writes, each in the light and the dark theme: one line per
     * view (an empty area is the start screen, last so that it lists the sample as a recent project).
     */
    static final List<View> VIEWS = List.of(
            new View("model", Optional.of(Area.MODEL)),
            new View("data", Optional.of(Area.DATA)),
            new View("dashboard", Optional.of(Area.TRAIN)),
            new View("inspect", Optional.of(Area.INSPECT)),
            new View("start-screen", Optional.empty()));

    /** One view for the screenshots command: its file name and the area (empty: the start screen). */
    record View(String name, Optional<Area> area) {
    }

    /** The most epochs the sample trains for before the screenshots. */
    static final int EPOCHS = 150;

    private final WorkbenchProbe workbench;

    WorkbenchScreenshots(WorkbenchProbe workbench) {
        this.workbench = workbench;
    }

    /** Opens a copy of the sample, then writes every {@link #VIEWS} light and dark into {@code folder}. */
    void write(Path folder, String sampleId) {
        SampleCatalog catalog = SampleCatalog.standard();
        Path copy;
        try {
            Files.createDirectories(folder);
            copy = catalog.copyTo(catalog.byId(sampleId).orElseThrow(() -> new IllegalArgumentException(
                    "There is no sample '" + sampleId + "'.")), folder.resolve("project"));
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.ERROR, "Could not prepare the sample for the screenshots: " + e.getMessage());
            Platform.exit();
            return;
        }
        try {
            limitEpochs(copy);
        } catch (IOException | org.layerloom.engine.project.ProjectFileException e) {
            LOG.log(System.Logger.Level.ERROR, "Could not prepare the sample for the screenshots: " + e.getMessage());
            Platform.exit();
            return;
        }
        workbench.openProject(copy);
        workbench.showStage();
        // Train a little first, so that the dashboard and the inspect view show a real run.
        workbench.trainThen(() -> shoot(folder));
    }

    /** The sample trains for at most {@link #EPOCHS} epochs, so the screenshots take a minute, not an hour. */
    private static void limitEpochs(Path project) throws IOException, org.layerloom.engine.project.ProjectFileException {
        Project p = ProjectFiles.load(project);
        TrainingSettings t = p.training();
        if (t.epochs() > EPOCHS) {
            ProjectFiles.save(p.withTraining(t.withEpochs(EPOCHS)), project);
        }
    }

    private void shoot(Path folder) {
        List<ScreenshotSequence.Step> steps = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            for (View view : VIEWS) {
                Runnable prepare = () -> {
                    workbench.setTheme(theme);
                    view.area().ifPresentOrElse(area -> {
                        workbench.showMain();
                        workbench.mainWindow().show(area);
                    }, workbench::showStartScreenOnly);
                };
                steps.add(new ScreenshotSequence.Step(prepare, workbench::scene,
                        folder.resolve(view.name() + "-" + theme.id() + ".png")));
            }
        }
        new ScreenshotSequence(steps, workbench.busyProperty(), Platform::exit).start();
    }
}
