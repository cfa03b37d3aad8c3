package org.layerloom.editor.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layerloom.editor.fx.LatestResult;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.RecentFiles;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.project.TrainingSettings;

/**
 * The open project, observed by the app's four areas (Model, Data, Train, Inspect): the project as it would be
 * saved now, its file, whether it has unsaved changes, and the window title; the operations on it: open (read
 * on the files executor, only the file opened last is shown), save and save as (the project is taken on the
 * JavaFX thread, exactly as on screen, and written atomically on the files executor), a change of its settings
 * (saved at once, and one step of the editor's undo history) and the recent-projects list. The network itself,
 * its selection and its undo history are the editor's view-model's ({@link #editor()}): the session shows an
 * opened network there, and compares the undo state with the one saved last to know whether there are unsaved
 * changes.
 *
 * <p>Questions to the student (where to save, what went wrong) are the view's: it plugs them in with
 * {@link #useDialogs}. One per window. JavaFX thread only; the JavaFX thread never waits on the files.
 */
public final class ProjectSession {

    private static final System.Logger LOG = System.getLogger(ProjectSession.class.getName());

    /** What the session asks the student; the editor's file actions answer with dialogs. JavaFX thread. */
    public interface Dialogs {

        /** Asks where to save the project; empty when the student cancels. */
        Optional<Path> askWhereToSave();

        /** Explains a failed read or write: {@code header} says what failed, {@code message} why. */
        void failed(String header, String message);
    }

    private final EditorViewModel editor;
    private final Executor files;
    private final Executor fx;
    private final RecentFiles recent;
    private final LatestResult<Project> reading;
    private final ReadOnlyBooleanWrapper writing = new ReadOnlyBooleanWrapper(this, "writing");
    private final ReadOnlyObjectWrapper<Optional<Path>> file = new ReadOnlyObjectWrapper<>(this, "file",
            Optional.empty());
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private Dialogs dialogs = new Dialogs() {
        @Override
        public Optional<Path> askWhereToSave() {
            return Optional.empty();
        }

        @Override
        public void failed(String header, String message) {
            LOG.log(System.Logger.Level.WARNING, header + " " + message);
        }
    };
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** The project's parts outside the network (its network is the editor's). */
    private Project project = emptyProject();
    private Optional<Path> savedIn = Optional.empty();
    private long savedState;
    private int pendingWrites;

    /**
     * @param editor the network, its selection and undo history
     * @param files  where project files are read and written
     * @param fx     the way back onto the JavaFX thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
     * @param recent the recent-projects list
     */
    public ProjectSession(EditorViewModel editor, Executor files, Executor fx, RecentFiles recent) {
        this.editor = Objects.requireNonNull(editor, "editor");
        this.files = Objects.requireNonNull(files, "files");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.recent = Objects.requireNonNull(recent, "recent");
        this.reading = new LatestResult<>("Reading the project", files, fx);
        this.savedState = editor.undoManager().state();
        editor.addListener(this::changed);
        publish();
    }

    /**
     * A new, empty project named "Untitled" on the built-in two moons (made on the computer, so its Data area
     * shows examples at once, not a missing download) with the default settings.
     */
    public static Project emptyProject() {
        return new Project("Untitled", NetworkGraph.empty(), DatasetChoice.of("moons"), TrainingSettings.defaults());
    }

    /** The editor's view-model: the network, the selection and the undo history. */
    public EditorViewModel editor() {
        return editor;
    }

    /** The project as it would be saved now. */
    public Project project() {
        return project.withGraph(editor.graph());
    }

    public Optional<Path> file() {
        return savedIn;
    }

    /** True when the network differs from the version saved last (or opened). */
    public boolean isDirty() {
        return editor.undoManager().state() != savedState;
    }

    /** "mnist-cnn.loom • — LayerLoom" style window title; the dot marks unsaved changes. */
    public String title() {
        String name = savedIn.map(f -> f.getFileName().toString()).orElse(project.name());
        return (isDirty() ? "• " : "") + name + " — LayerLoom";
    }

    /** The file the project is saved in; empty while it was never saved. */
    public ReadOnlyObjectProperty<Optional<Path>> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** True while the project has changes that are not saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** The window title: the file name, a dot while there are unsaved changes, and "LayerLoom". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** True while a project is being read. */
    public ReadOnlyBooleanProperty readingProperty() {
        return reading.busyProperty();
    }

    /** True while a project is being written. */
    public ReadOnlyBooleanProperty writingProperty() {
        return writing.getReadOnlyProperty();
    }

    /**
     * Calls {@code listener} after every change of the project: its network (and anything else the editor shows),
     * its settings, its file.
     */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** The projects opened or saved most recently, newest first. */
    public List<Path> recentFiles() {
        return recent.files();
    }

    /** Plugs in the questions to the student (the editor's file actions do). */
    public void useDialogs(Dialogs dialogs) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    }

    /** Shows {@code project} (a new one, or one read elsewhere) with a fresh history; {@code from} is its file. */
    public void open(Project opened, Optional<Path> from) {
        project = Objects.requireNonNull(opened, "opened");
        savedIn = Objects.requireNonNull(from, "from");
        savedState = 0; // the state of the fresh history the editor starts below
        editor.open(opened.graph(), from.map(f -> "Opened " + f.getFileName()).orElse("New project"));
    }

    /** Starts anew with an empty project. */
    public void openEmpty() {
        open(emptyProject(), Optional.empty());
    }

    /**
     * Reads {@code file} on the files executor and shows it, then runs {@code opened}; a file that cannot be read
     * is explained. Only the file asked for last is shown.
     */
    public void open(Path file, Runnable opened) {
        reading.submit(ticket -> ProjectFiles.load(file), read -> {
            open(read, Optional.of(file));
            recent.add(file, files);
            opened.run();
        }, e -> {
            editor.setStatus("Could not open " + file.getFileName());
            dialogs.failed("LayerLoom could not open this project.", e.getMessage());
        });
    }

    /** Saves to the project's file, or asks where when it has none; runs {@code saved} once it is written. */
    public void save(Runnable saved) {
        Optional<Path> target = savedIn;
        if (target.isPresent()) {
            saveTo(target.get(), saved);
        } else {
            saveAs(saved);
        }
    }

    /** Asks where, then saves there; runs {@code saved} once it is written (not when the student cancels). */
    public void saveAs(Runnable saved) {
        dialogs.askWhereToSave().ifPresent(target -> saveTo(target, saved));
    }

    /**
     * Takes the project as it is now and writes it to {@code target} atomically on the files executor; once
     * written, marks that version saved, lists the file first among the recent ones and runs {@code saved}. A
     * failure is explained and {@code saved} does not run.
     */
    public void saveTo(Path target, Runnable saved) {
        Project saving = project();
        long version = editor.undoManager().state();
        Optional<Path> startingWeights = saving.startingWeights()
                .flatMap(file -> savedIn.map(in -> in.toAbsolutePath().getParent().resolve(file)));
        pendingWrites++;
        writing.set(true);
        files.execute(() -> {
            IOException failure = null;
            try {
                if (startingWeights.isPresent()) {
                    carryStartingWeights(startingWeights.get(), target);
                }
                ProjectFiles.save(saving, target);
            } catch (IOException e) {
                failure = e;
            }
            IOException failed = failure;
            fx.execute(() -> written(target, version, failed, saved));
        });
    }

    /**
     * Copies an imported model's starting weights beside {@code target} when the project moves to another folder,
     * so that the saved project still finds them; on the files executor.
     */
    private static void carryStartingWeights(Path weights, Path target) throws IOException {
        Path copy = target.toAbsolutePath().getParent().resolve(weights.getFileName());
        if (Files.exists(copy) && Files.isSameFile(weights, copy)) {
            return;
        }
        if (!Files.isRegularFile(weights)) {
            throw new IOException("The project starts from the weights in " + weights.getFileName() + ", which are"
                    + " missing from " + weights.getParent() + ", so they cannot go with it to " + target.getParent()
                    + ".");
        }
        Files.copy(weights, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void written(Path target, long version, IOException failure, Runnable saved) {
        if (--pendingWrites == 0) {
            writing.set(false);
        }
        if (failure != null) {
            dialogs.failed("LayerLoom could not save the project.", failure.getMessage());
            return;
        }
        savedIn = Optional.of(target);
        savedState = version;
        recent.add(target, files);
        editor.setStatus("Saved " + target.getFileName());
        saved.run();
    }

    /**
     * Applies {@code change} to the project's parts outside the network (its dataset, its training settings) as one
     * undoable step named {@code name} ("Set batch size to 64", so the Edit menu reads "Undo Set batch size to 64")
     * and saves the project. A project never saved is not asked where to go: the change stays unsaved (the window
     * title shows it, autosave keeps it) until the student saves or trains, and Train asks where to save. A change
     * that changes nothing is no step. Undo and redo change the project back and forth without saving it: it then
     * has unsaved changes.
     */
    public void updateSettings(UnaryOperator<Project> change, String name) {
        updateSettings(change, name, null);
    }

    /**
     * As {@link #updateSettings(UnaryOperator, String)}; consecutive changes with the same non-null
     * {@code coalesceKey} (typing digits into one field) become one step.
     */
    public void updateSettings(UnaryOperator<Project> change, String name, Object coalesceKey) {
        Objects.requireNonNull(name, "name");
        Project before = project();
        Project after = Objects.requireNonNull(change.apply(before), "project");
        if (after.equals(before)) {
            return;
        }
        editor.undoManager().execute(new SettingsStep(before, after), name, coalesceKey);
        Optional<Path> target = savedIn;
        if (target.isPresent()) {
            saveTo(target.get(), () -> editor.setStatus("Saved " + target.get().getFileName() + ": " + name));
        } else {
            editor.setStatus(name + " (not saved yet: Save, or Train, asks where)");
        }
    }

    /**
     * As {@link #updateSettings(UnaryOperator, String)}, but never saves: for work brought back after a crash,
     * which stays unsaved until the student saves it.
     */
    public void updateSettingsUnsaved(UnaryOperator<Project> change, String name) {
        Objects.requireNonNull(name, "name");
        Project before = project();
        Project after = Objects.requireNonNull(change.apply(before), "project");
        if (!after.equals(before)) {
            editor.undoManager().execute(new SettingsStep(before, after), name, null);
        }
    }

    /** A change of the project's parts outside the network, undone by putting back the parts it had before. */
    private final class SettingsStep implements org.layerloom.editor.model.SideChange {
        private final Project before;
        private final Project after;

        SettingsStep(Project before, Project after) {
            this.before = before;
            this.after = after;
        }

        @Override
        public void apply() {
            project = after;
        }

        @Override
        public void revert() {
            project = before;
        }
    }

    private void changed() {
        publish();
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    private void publish() {
        file.set(savedIn);
        dirty.set(isDirty());
        title.set(title());
    }
}
