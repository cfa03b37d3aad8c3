package org.layerloom.engine.graph.edit;

import org.layerloom.engine.graph.NetworkGraph;

/**
 * One change to a network, as data: it applies to a graph and knows its inverse, so undo/redo,
 * autosave and the dirty flag need nothing else. {@code edit.inverted().applyTo(edit.applyTo(g))}
 * equals {@code g}. Edits are built from the graph they will apply to (see {@link GraphEdits});
 * applying one to a graph it does not fit throws {@link IllegalStateException}. Immutable; any thread.
 */
public sealed interface GraphEdit permits AddNodeEdit, RemoveNodeEdit, AddWireEdit, RemoveWireEdit,
        SetParameterEdit, MoveNodeEdit, RenameNodeEdit, CompositeEdit {

    NetworkGraph applyTo(NetworkGraph graph);

    GraphEdit inverted();

    /** What the edit does, for menus: "Add Dense 1", so "Undo Add Dense 1". */
    String description();
}
