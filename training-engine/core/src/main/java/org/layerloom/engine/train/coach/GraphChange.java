package org.layerloom.engine.train.coach;

import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.edit.GraphEdit;

/**
 * A suggested edit of the network, made from the graph as it is when the student clicks (so it stays
 * correct after other changes) and applied as one undo step, e.g.
 * {@code editor.perform(change.edit(editor.graph()), change.label())}. Immutable; any thread.
 */
public sealed interface GraphChange extends CoachAction permits InsertLayerChange, ActivationChange {

    /** Whether the change still fits {@code graph} (its nodes are still there). */
    boolean appliesTo(NetworkGraph graph);

    /**
     * The edit for {@code graph}.
     *
     * @throws IllegalStateException when it no longer fits
     */
    GraphEdit edit(NetworkGraph graph);
}
