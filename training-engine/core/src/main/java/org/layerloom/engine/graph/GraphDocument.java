package org.layerloom.engine.graph;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.layerloom.engine.graph.edit.GraphEdit;

/**
 * The single source of truth for the network being edited: the current {@link NetworkGraph}, a
 * revision counter that grows with every change, and listeners. Every change goes through a
 * {@link GraphEdit}; {@link #beginUpdate()}/{@link #endUpdate()} turn several changes into one
 * notification.
 *
 * <p>Not thread-safe: one thread owns a document (the JavaFX thread in the editor, the main thread on
 * the command line). Other threads may read {@link #graph()} snapshots handed to them, which are
 * immutable.
 */
public final class GraphDocument {

    private final List<GraphListener> listeners = new CopyOnWriteArrayList<>();
    private NetworkGraph graph;
    private long revision;
    private int updateDepth;
    private boolean changedDuringUpdate;

    public GraphDocument() {
        this(NetworkGraph.empty());
    }

    public GraphDocument(NetworkGraph graph) {
        this.graph = graph;
    }

    public NetworkGraph graph() {
        return graph;
    }

    /** Grows by one with every change; equal revisions mean equal graphs. */
    public long revision() {
        return revision;
    }

    /** Applies an edit; throws {@link IllegalStateException}, leaving the document as it was, if it does not fit. */
    public void apply(GraphEdit edit) {
        NetworkGraph next = edit.applyTo(graph);
        changeTo(next);
    }

    /** Replaces the whole graph, as when a project is opened. */
    public void replace(NetworkGraph newGraph) {
        changeTo(newGraph);
    }

    public void beginUpdate() {
        updateDepth++;
    }

    public void endUpdate() {
        if (updateDepth == 0) {
            throw new IllegalStateException("endUpdate without beginUpdate");
        }
        updateDepth--;
        if (updateDepth == 0 && changedDuringUpdate) {
            changedDuringUpdate = false;
            fire();
        }
    }

    public void addListener(GraphListener listener) {
        listeners.add(listener);
    }

    public void removeListener(GraphListener listener) {
        listeners.remove(listener);
    }

    private void changeTo(NetworkGraph next) {
        graph = next;
        revision++;
        if (updateDepth > 0) {
            changedDuringUpdate = true;
        } else {
            fire();
        }
    }

    private void fire() {
        for (GraphListener listener : listeners) {
            listener.documentDidChange(this);
        }
    }
}
