package org.layerloom.editor.model;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.layerloom.engine.graph.GraphDocument;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.graph.edit.GraphEdit;

/**
 * The state of one editor, free of any toolkit: the {@link GraphDocument}, its undo history, the
 * selection, the clipboard, the latest validation (run synchronously after every change, timed) and the
 * status line. The project around the graph, its file and whether it is saved are the project session's.
 * Commands change it; views listen to it and redraw. One listener call per change of any kind.
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
    private ValidationReport report;
    private long lastValidationNanos;
    private String status = "";

    public EditorViewModel(GraphValidator validator, LayerCatalog catalog) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.connectionRules = new ConnectionRules(catalog);
        this.report = validator.validate(document.graph());
        document.addListener(d -> revalidate());
        undo.addListener(this::fire);
        selection.addListener(this::fire);
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

    /** The last message for the status line (a refused wire, a saved file). */
    public String status() {
        return status;
    }

    public void setStatus(String message) {
        status = Objects.requireNonNull(message);
        fire();
    }

    /** Shows {@code graph} with a fresh history and nothing selected; {@code message} goes to the status line. */
    public void open(NetworkGraph graph, String message) {
        selection.clear();
        document.replace(graph);
        undo.clear();
        status = Objects.requireNonNull(message);
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
