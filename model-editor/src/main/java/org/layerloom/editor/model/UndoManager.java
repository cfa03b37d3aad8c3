package org.layerloom.editor.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.layerloom.engine.graph.GraphDocument;
import org.layerloom.engine.graph.edit.CompositeEdit;
import org.layerloom.engine.graph.edit.GraphEdit;
import org.layerloom.engine.graph.edit.MoveNodeEdit;

/**
 * Undo and redo of the edits made to one {@link GraphDocument}, and of the changes made beside it (a project's
 * training settings, as {@link SideChange}s), in one history: every user action is one named step
 * ("Add Dense 1", so the Edit menu reads "Undo Add Dense 1"). Keeps at most {@code depthCap} steps,
 * refuses to be re-entered from a document listener, and merges consecutive steps that carry the same
 * coalescing key (nudging or dragging the same nodes again) into one. A {@link #state()} identifies
 * the document version for the dirty flag: it returns to an earlier value when undo returns to that
 * version.
 *
 * <p>Plain Java, no toolkit; not thread-safe: call from the thread that owns the document.
 */
public final class UndoManager {

    /**
     * One undoable step: the edit of the network or, for a step beside it, the {@code side} change (the other is
     * null), its menu name and an optional key for coalescing.
     */
    public record Step(GraphEdit edit, SideChange side, String name, Object coalesceKey, long state) {

        void apply(GraphDocument document) {
            if (edit != null) {
                document.apply(edit);
            } else {
                side.apply();
            }
        }

        void revert(GraphDocument document) {
            if (edit != null) {
                document.apply(edit.inverted());
            } else {
                side.revert();
            }
        }
    }

    private final GraphDocument document;
    private final int depthCap;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long revision;
    private long nextState = 1;
    private boolean running;
    private boolean mayCoalesce;

    public UndoManager(GraphDocument document, int depthCap) {
        if (depthCap < 1) {
            throw new IllegalArgumentException("depthCap must be at least 1");
        }
        this.document = Objects.requireNonNull(document, "document");
        this.depthCap = depthCap;
    }

    /** Applies {@code edit} as a new step named {@code name}. */
    public void execute(GraphEdit edit, String name) {
        execute(edit, name, null);
    }

    /**
     * Applies {@code edit}; if the previous step was made just before with an equal non-null
     * {@code coalesceKey}, the two become one step. Throws {@link IllegalStateException} (document
     * unchanged) if the edit does not fit, or when called while another step is being applied.
     */
    public void execute(GraphEdit edit, String name, Object coalesceKey) {
        Objects.requireNonNull(edit, "edit");
        record(new Step(edit, null, name, coalesceKey, 0));
    }

    /**
     * Applies {@code change}, a change beside the network, as a new step named {@code name}; merged with the
     * previous step as {@link #execute(GraphEdit, String, Object)} merges edits when both carry the same non-null
     * {@code coalesceKey}.
     */
    public void execute(SideChange change, String name, Object coalesceKey) {
        Objects.requireNonNull(change, "change");
        record(new Step(null, change, name, coalesceKey, 0));
    }

    private void record(Step step) {
        Object coalesceKey = step.coalesceKey();
        guarded(() -> {
            step.apply(document);
            Step top = undo.peek();
            if (coalesceKey != null && mayCoalesce && top != null && coalesceKey.equals(top.coalesceKey())) {
                undo.pop();
                undo.push(merge(top, step));
            } else {
                undo.push(new Step(step.edit(), step.side(), step.name(), coalesceKey, nextState++));
                while (undo.size() > depthCap) {
                    undo.removeLast();
                }
            }
            redo.clear();
            mayCoalesce = true;
        });
    }

    /** The earlier step {@code top} and the new {@code next} as one step, with {@code top}'s state. */
    private static Step merge(Step top, Step next) {
        if (top.edit() != null && next.edit() != null) {
            return new Step(merge(top.edit(), next.edit(), next.name()), null, next.name(), next.coalesceKey(),
                    top.state());
        }
        if (top.side() != null && next.side() != null) {
            return new Step(null, top.side().then(next.side()), next.name(), next.coalesceKey(), top.state());
        }
        throw new IllegalArgumentException("a change beside the network cannot merge with an edit of it");
    }

    public void undo() {
        if (!canUndo()) {
            throw new IllegalStateException("nothing to undo");
        }
        guarded(() -> {
            Step step = undo.peek();
            step.revert(document);
            redo.push(undo.pop());
            mayCoalesce = false;
        });
    }

    public void redo() {
        if (!canRedo()) {
            throw new IllegalStateException("nothing to redo");
        }
        guarded(() -> {
            Step step = redo.peek();
            step.apply(document);
            undo.push(redo.pop());
            mayCoalesce = false;
        });
    }

    /** Forgets every step, as when another project is opened. */
    public void clear() {
        undo.clear();
        redo.clear();
        mayCoalesce = false;
        revision++;
        fire();
    }

    /** Ends coalescing: the next step stays separate even with the same key. */
    public void breakCoalescing() {
        mayCoalesce = false;
    }

    public boolean canUndo() {
        return !undo.isEmpty() && !running;
    }

    public boolean canRedo() {
        return !redo.isEmpty() && !running;
    }

    /** The name of the step {@link #undo()} would revert. */
    public Optional<String> undoName() {
        return Optional.ofNullable(undo.peek()).map(Step::name);
    }

    public Optional<String> redoName() {
        return Optional.ofNullable(redo.peek()).map(Step::name);
    }

    public int undoDepth() {
        return undo.size();
    }

    public int redoDepth() {
        return redo.size();
    }

    /** Grows by one with every execute, undo, redo and clear. */
    public long revision() {
        return revision;
    }

    /** Identifies the document version reached by the steps: 0 for the version the manager started with. */
    public long state() {
        Step top = undo.peek();
        return top == null ? 0 : top.state();
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void guarded(Runnable action) {
        if (running) {
            throw new IllegalStateException("an edit was started while another one is being applied");
        }
        running = true;
        try {
            action.run();
            revision++;
        } finally {
            running = false;
        }
        fire();
    }

    private void fire() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    /** Two steps as one: moves of the same nodes keep the first start and the last end. */
    static GraphEdit merge(GraphEdit first, GraphEdit second, String name) {
        Map<String, MoveNodeEdit> a = moves(first);
        Map<String, MoveNodeEdit> b = moves(second);
        if (a != null && b != null) {
            Map<String, MoveNodeEdit> merged = new LinkedHashMap<>(a);
            for (MoveNodeEdit move : b.values()) {
                MoveNodeEdit before = merged.get(move.nodeId());
                merged.put(move.nodeId(), before == null ? move
                        : new MoveNodeEdit(move.nodeId(), before.from(), move.to()));
            }
            return new CompositeEdit(name, List.copyOf(merged.values()));
        }
        return new CompositeEdit(name, List.of(first, second));
    }

    private static Map<String, MoveNodeEdit> moves(GraphEdit edit) {
        Map<String, MoveNodeEdit> result = new LinkedHashMap<>();
        if (edit instanceof MoveNodeEdit move) {
            result.put(move.nodeId(), move);
            return result;
        }
        if (edit instanceof CompositeEdit composite) {
            for (GraphEdit part : composite.edits()) {
                if (!(part instanceof MoveNodeEdit move) || result.containsKey(move.nodeId())) {
                    return null;
                }
                result.put(move.nodeId(), move);
            }
            return result;
        }
        return null;
    }
}
