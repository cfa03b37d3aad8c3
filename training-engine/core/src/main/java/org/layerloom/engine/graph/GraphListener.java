package org.layerloom.engine.graph;

/**
 * Told after a {@link GraphDocument} changed (once per edit, or once per begin/end update block).
 * Called on the thread that changed the document.
 */
@FunctionalInterface
public interface GraphListener {

    void documentDidChange(GraphDocument document);
}
