package org.layerloom.editor.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.layerloom.engine.graph.GraphDocument;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.graph.edit.GraphEdit;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.TrainingSettings;

/**
 * The state of one editor, free of any toolkit: the {@link GraphDocument}, its undo history, the
 * selection, the clipboard, the latest validation (run synchronously after every change, timed), the
 * project around the graph, its file and whether it has unsaved changes. Commands change it; views
 * listen to it and redraw. One listener call per change of any kind.
 *
 * <p>Not thread-safe: create and use it on one thread (the JavaFX thread in the app).
 */
public final class EditorViewModel {

    /** Steps kept for undo. */
    public static final int UNDO_DEPTH = 200;

    private final GraphValidator validator;
    private final LayerCatalog catalog;
    private final ConnectionRules connectionRules;
    private final GraphDocument document = new GraphDocument();
    private final UndoManager undo = new UndoManager(document, UNDO_DEPTH);
    private final Selection selection = new Selection();
    private final Clipboard clipboard = new Clipboard();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Project project;
    private Optional<Path> file = Optional.empty();
    private long savedState;
    private ValidationReport report;
    private long lastValidationNanos;
    private String status = "";

    public EditorViewModel(GraphValidator validator, LayerCatalog catalog) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.connectionRules = new ConnectionRules(catalog);
        this.project = emptyProject();
        this.report = validator.validate(document.graph());
        document.addListener(d -> revalidate());
        undo.addListener(this::fire);
        selection.addListener(this::fire);
    }

    /** A new, empty project named "Untitled" that trains on MNIST with the default settings. */
    public static Project emptyProject() {
        return new Project("Untitled", NetworkGraph.empty(), DatasetChoice.of("mnist"), TrainingSettings.defaults());
    }

    public NetworkGraph graph() {
        return document.graph();
    }

    public GraphDocument document() {
        return document;
    }

    public UndoManager undoManager() {
        return undo;
    }

    public Selection selection() {
        return selection;
    }

    public Clipboard clipboard() {
        return clipboard;
    }

    public LayerCatalog catalog() {
        return catalog;
    }

    public GraphValidator validator() {
        return validator;
    }

    public ConnectionRules connectionRules() {
        return connectionRules;
    }

    /** The validation of the current graph. */
    public ValidationReport report() {
        return report;
    }

    /** How long the last validation took, in nanoseconds. */
    public long lastValidationNanos() {
        return lastValidationNanos;
    }

    /** Applies {@code edit} as one undoable step. */
    public void perform(GraphEdit edit, String name) {
        undo.execute(edit, name);
    }

    /** Applies {@code edit} as one step, merged with the previous one if it has the same key. */
    public void perform(GraphEdit edit, String name, Object coalesceKey) {
        undo.execute(edit, name, coalesceKey);
    }

    /** The project as it would be saved now. */
    public Project project() {
        return project.withGraph(document.graph());
    }

    public Optional<Path> file() {
        return file;
    }

    public boolean isDirty() {
        return undo.state() != savedState;
    }

    /** "mnist-cnn.loom • — LayerLoom" style window title; the dot marks unsaved changes. */
    public String title() {
        String name = file.map(f -> f.getFileName().toString()).orElse(project.name());
        return (isDirty() ? "• " : "") + name + " — LayerLoom";
    }

    /** The last message for the status line (a refused wire, a saved file). */
    public String status() {
        return status;
    }

    public void setStatus(String message) {
        status = Objects.requireNonNull(message);
        fire();
    }

    /** Shows {@code newProject}, read from {@code from} (empty for a new one), with a fresh history. */
    public void open(Project newProject, Optional<Path> from) {
        project = newProject;
        file = from;
        selection.clear();
        document.replace(newProject.graph());
        undo.clear();
        savedState = undo.state();
        status = from.map(f -> "Opened " + f.getFileName()).orElse("New project");
        fire();
    }

    /**
     * Changes the project's parts outside the network (its dataset, its training settings), keeping the
     * network and its undo history; the caller saves the project.
     */
    public void updateProject(java.util.function.UnaryOperator<Project> change) {
        project = Objects.requireNonNull(change.apply(project), "project");
        fire();
    }

    /** Records that the current version was saved to {@code to}. */
    public void markSaved(Path to) {
        markSaved(to, undo.state());
    }

    /**
     * Records that the version {@code version} ({@link UndoManager#state()} when it was taken) was saved to
     * {@code to}; changes made since it was taken stay unsaved.
     */
    public void markSaved(Path to, long version) {
        file = Optional.of(to);
        savedState = version;
        status = "Saved " + to.getFileName();
        fire();
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void revalidate() {
        long start = System.nanoTime();
        report = validator.validate(document.graph());
        lastValidationNanos = System.nanoTime() - start;
        selection.retainExisting(document.graph());
    }

    private void fire() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
