package org.layerloom.editor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.layerloom.engine.graph.DataFacts;
import org.layerloom.engine.graph.DataFit;
import org.layerloom.engine.graph.GraphDocument;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.graph.edit.GraphEdit;

/**
 * The state of one editor, free of any toolkit: the {@link GraphDocument}, its undo history, the
 * selection, the clipboard, what is known of the project's dataset, the latest validation (the graph's own
 * problems and, once the dataset is known, {@link DataFit}'s; run synchronously after every change, timed) and
 * the status line. The project around the graph, its file and whether it is saved are the project session's.
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
    private Optional<DataFacts> data = Optional.empty();
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

    /** What is known of the project's dataset; empty while it is not (yet) loaded. */
    public Optional<DataFacts> dataFacts() {
        return data;
    }

    /** Checks the network against {@code facts} from now on (empty: against no dataset) and revalidates. */
    public void setDataFacts(Optional<DataFacts> facts) {
        if (data.equals(Objects.requireNonNull(facts, "facts"))) {
            return;
        }
        data = facts;
        revalidate();
        fire();
    }

    /**
     * The parameters a new layer of {@code kind} starts with over its defaults: an Input takes the dataset's
     * example shape and an Output a loss that suits its task, once the dataset is known.
     */
    public Parameters newLayerParameters(LayerKind kind) {
        if (data.isEmpty()) {
            return Parameters.empty();
        }
        return switch (kind) {
            case INPUT -> DataFit.inputFor(data.get());
            case OUTPUT -> DataFit.outputFor(data.get());
            default -> Parameters.empty();
        };
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
        NetworkGraph graph = document.graph();
        ValidationReport own = validator.validate(graph);
        if (data.isPresent() && !graph.nodes().isEmpty()) {
            List<Problem> withData = new ArrayList<>(own.problems());
            withData.addAll(DataFit.problems(graph, own, data.get()));
            own = new ValidationReport(graph, own.topology(), own.nodes(), own.wireShapes(), withData,
                    own.totalParameters());
        }
        report = own;
        lastValidationNanos = System.nanoTime() - start;
        selection.retainExisting(document.graph());
    }

    private void fire() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
