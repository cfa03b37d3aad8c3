package org.layerloom.app;

import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.edit.AddNodeEdit;
import org.layerloom.engine.graph.edit.AddWireEdit;
import org.layerloom.engine.graph.edit.CompositeEdit;
import org.layerloom.engine.graph.edit.GraphEdit;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * The edit that replaces a whole network by another (the saved version by the autosaved one), as one
 * undoable step. Stateless; any thread.
 */
final class RestoreEdit {

    private RestoreEdit() {
    }

    static CompositeEdit replacing(NetworkGraph from, NetworkGraph to) {
        List<GraphEdit> edits = new ArrayList<>();
        if (!from.nodes().isEmpty()) {
            edits.add(GraphEdits.removeNodes(from, from.nodes().stream().map(Node::id).toList()));
        }
        for (int i = 0; i < to.nodes().size(); i++) {
            edits.add(new AddNodeEdit(to.nodes().get(i), i));
        }
        for (int i = 0; i < to.wires().size(); i++) {
            edits.add(new AddWireEdit(to.wires().get(i), i));
        }
        return new CompositeEdit("Restore autosaved work", edits);
    }
}
