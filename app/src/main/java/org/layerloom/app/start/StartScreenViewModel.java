package org.layerloom.app.start;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerloom.app.workspace.RecoveryStore;
import org.layerloom.editor.fx.LatestResult;
import org.layerloom.editor.model.RecentFiles;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.samples.Sample;
import org.layerloom.samples.SampleCatalog;

/**
 * What the start screen shows and does: the sample cards, the recent projects (missing ones marked), new
 * projects (data first, then a template that fits it: {@link NewProjectViewModel}), and unsaved work a previous session left behind. Opening a sample copies it
 * into the user's projects folder first (on the background executor), so the original stays clean.
 * The recent list is the editor's {@link RecentFiles}, so a project opened or saved in the editor shows here.
 * Where a project goes once chosen is the app's business ({@link Actions}). JavaFX thread only, apart from
 * the copy it hands to {@code background}.
 */
public final class StartScreenViewModel {

    /** What the app does with the student's choice. Called on the JavaFX thread. */
    public interface Actions {

        void openProject(Path file);

        void openNew(Project project);

        void restore(RecoveryStore.Snapshot snapshot);
    }

    /** A recent project: where it was and whether it is still there. */
    public record RecentEntry(Path path, boolean missing) {

        public String fileName() {
            return path.getFileName().toString();
        }
    }

    /** A sample with the network its project holds, for the card's picture. */
    public record SampleCard(Sample sample, NetworkGraph graph) {
    }

    private final SampleCatalog catalog;
    private final RecentFiles recent;
    private final RecoveryStore recovery;
    private final Path projectsFolder;
    private final LatestResult<Path> copying;
    private final Actions actions;
    private final List<SampleCard> samples;
    private final java.util.Map<String, ReadOnlyStringWrapper> times = new java.util.HashMap<>();
    private final Executor fx;
    private volatile boolean estimatesCancelled;
    private final ObservableList<RecentEntry> recentEntries = FXCollections.observableArrayList();
    private final ObservableList<RecoveryStore.Snapshot> leftBehind = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final NewProjectViewModel newProject;
    private final ReadOnlyBooleanWrapper newProjectShown = new ReadOnlyBooleanWrapper(this, "newProjectShown");

    public StartScreenViewModel(SampleCatalog catalog, RecentFiles recent, RecoveryStore recovery,
                                Path projectsFolder, Executor background, Executor fx, Actions actions) {
        this(catalog, recent, recovery, projectsFolder, background, fx, actions, background);
    }

    /** As above, with the datasets of "New project" made on {@code data} (so a sample copy never waits). */
    public StartScreenViewModel(SampleCatalog catalog, RecentFiles recent, RecoveryStore recovery,
                                Path projectsFolder, Executor background, Executor fx, Actions actions, Executor data) {
        this.newProject = new NewProjectViewModel(DatasetRegistry.standard(), data, fx, project -> {
            newProjectShown.set(false);
            actions.openNew(project);
        });
        this.catalog = catalog;
        this.recent = recent;
        this.recovery = recovery;
        this.projectsFolder = projectsFolder;
        this.copying = new LatestResult<>("Copying the sample", background, fx);
        this.actions = actions;
        this.samples = cards(catalog);
        this.fx = fx;
        for (SampleCard card : samples) {
            times.put(card.sample().id(), new ReadOnlyStringWrapper(
                    TrainingTime.label(card.sample().minutesOnLaptop(), false)));
        }
        refresh();
    }

    private static List<SampleCard> cards(SampleCatalog catalog) {
        List<SampleCard> cards = new ArrayList<>();
        for (Sample sample : catalog.samples()) {
            try (InputStream in = catalog.openProject(sample)) {
                Project project = ProjectFiles.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        sample.file());
                cards.add(new SampleCard(sample, project.graph()));
            } catch (IOException | ProjectFileException e) {
                cards.add(new SampleCard(sample, NetworkGraph.empty()));
            }
        }
        return List.copyOf(cards);
    }

    /**
     * The card's training time: the catalog's figure "on a typical laptop" until this computer's is known.
     * JavaFX thread.
     */
    public ReadOnlyStringProperty timeText(Sample sample) {
        ReadOnlyStringWrapper text = times.get(sample.id());
        if (text == null) {
            throw new IllegalArgumentException("No card for the sample " + sample.id());
        }
        return text.getReadOnlyProperty();
    }

    /**
     * Finds each sample's training time on this computer, one sample after another on {@code background} (a
     * low-priority executor): a time remembered in {@code cache} is shown at once, the others are measured by
     * {@code estimator} and remembered. Samples whose dataset is downloaded keep the catalog's figure, as does a
     * sample whose measurement fails. {@link #cancelEstimates()} stops it, e.g. when a training starts.
     * JavaFX thread.
     */
    public void estimateTimes(SampleTimeEstimator estimator, SampleTimeCache cache, Executor background) {
        estimatesCancelled = false;
        List<Sample> all = samples.stream().map(SampleCard::sample).toList();
        try {
            background.execute(() -> measure(all, estimator, cache));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // The window is closing (the engine finished loading as it did): nothing to measure for.
        }
    }

    /** Measures (or recalls) each sample's time and shows it; on the low-priority executor. */
    private void measure(List<Sample> all, SampleTimeEstimator estimator, SampleTimeCache cache) {
        for (Sample sample : all) {
            if (estimatesCancelled) {
                return;
            }
            java.util.OptionalDouble minutes = cache.minutes(sample.id());
            if (minutes.isEmpty() && !sample.download()) {
                try {
                    minutes = estimator.minutes(sample, () -> estimatesCancelled);
                } catch (RuntimeException e) {
                    minutes = java.util.OptionalDouble.empty(); // keep the catalog's figure
                }
                if (minutes.isPresent() && !estimatesCancelled) {
                    try {
                        cache.put(sample.id(), minutes.getAsDouble());
                    } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
                        // shown this time, measured again next time
                    }
                }
            }
            if (minutes.isPresent() && minutes.getAsDouble() > 0 && Double.isFinite(minutes.getAsDouble())) {
                String text = TrainingTime.label(minutes.getAsDouble(), true);
                fx.execute(() -> times.get(sample.id()).set(text));
            }
        }
    }

    /** Stops measuring training times after the sample being measured (any thread). */
    public void cancelEstimates() {
        estimatesCancelled = true;
    }

    /** Reads the recent list and the recovery folder again. */
    public void refresh() {
        recentEntries.setAll(recent.files().stream().map(p -> new RecentEntry(p, !Files.isRegularFile(p))).toList());
        leftBehind.setAll(recovery.leftBehind());
    }

    public List<SampleCard> samples() {
        return samples;
    }

    public ObservableList<RecentEntry> recentProjects() {
        return recentEntries;
    }

    public ObservableList<RecoveryStore.Snapshot> leftBehind() {
        return leftBehind;
    }

    /** The last problem to tell the student about, or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while a sample is being copied. */
    public ReadOnlyBooleanProperty busyProperty() {
        return copying.busyProperty();
    }

    /** The copying of samples, for the status bar's task list. */
    public LatestResult<Path> copying() {
        return copying;
    }

    /** Copies the sample into the projects folder, then opens the copy. */
    public void openSample(Sample sample) {
        message.set("");
        copying.submit(ticket -> catalog.copyTo(sample, projectsFolder), this::open, e -> message.set(
                "The sample could not be copied into " + projectsFolder + ": " + e.getMessage()
                        + ". Check that the folder is writable."));
    }

    /** Opens a recent project, or says that it is gone. */
    public void openRecent(RecentEntry entry) {
        if (entry.missing()) {
            message.set(entry.path() + " is no longer there: it was moved, renamed or deleted. Open it from its"
                    + " new place with Open; the list forgets it as you open other projects.");
            return;
        }
        open(entry.path());
    }

    /** Opens a project file chosen by the student. */
    public void open(Path file) {
        message.set("");
        actions.openProject(file);
    }

    /**
     * Shows the "New project" page with {@code template} chosen: the data comes first there, and a chosen data
     * that the template does not suit is replaced by the template's own built-in set.
     */
    public void newProject(ProjectTemplate template) {
        message.set("");
        newProject.templateProperty().set(template);
        newProject.nameProperty().set(template.projectName());
        DataShape shape = newProject.shapeProperty().get();
        if (newProject.dataProperty().get() == null || shape != null && template.whyNot(shape).isPresent()) {
            newProject.choose(template.naturalData());
        }
        newProject.templateProperty().set(template);
        newProject.loadThumbnails();
        newProjectShown.set(true);
    }

    /** Leaves the "New project" page for the samples. */
    public void closeNewProject() {
        newProjectShown.set(false);
    }

    /** The "New project" page's model. */
    public NewProjectViewModel newProjectPage() {
        return newProject;
    }

    /** True while the "New project" page shows instead of the samples. */
    public ReadOnlyBooleanProperty newProjectShownProperty() {
        return newProjectShown.getReadOnlyProperty();
    }

    public void restore(RecoveryStore.Snapshot snapshot) {
        leftBehind.remove(snapshot);
        actions.restore(snapshot);
    }

    /** Throws the left-behind work away for good. */
    public void discard(RecoveryStore.Snapshot snapshot) {
        try {
            snapshot.slot().clear();
        } catch (IOException e) {
            message.set("The recovery file could not be deleted: " + e.getMessage());
        }
        leftBehind.remove(snapshot);
    }
}
