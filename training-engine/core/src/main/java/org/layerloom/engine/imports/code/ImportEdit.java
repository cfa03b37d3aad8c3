package org.layerloom.engine.imports.code;

import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.graph.edit.CompositeEdit;
import org.layerloom.engine.graph.edit.GraphEdit;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * The one undoable edit that puts an imported network in place of the one on the canvas: every current layer
 * removed with its wires, then every imported layer and wire added; used for pasted code and for imported model
 * files alike. Stateless; any thread.
 */
public final class ImportEdit {

    private ImportEdit() {
    }

    /** The edit from {@code current} to {@code imported}, named {@code description} in the Edit menu. */
    public static CompositeEdit replacing(NetworkGraph current, NetworkGraph imported, String description) {
        List<GraphEdit> edits = new ArrayList<>();
        NetworkGraph graph = current;
        if (!current.nodes().isEmpty()) {
            CompositeEdit removal = GraphEdits.removeNodes(current, current.nodes().stream().map(Node::id).toList());
            edits.add(removal);
            graph = removal.applyTo(graph);
        }
        for (Node node : imported.nodes()) {
            GraphEdit add = GraphEdits.addNode(graph, node);
            edits.add(add);
            graph = add.applyTo(graph);
        }
        for (Wire wire : imported.wires()) {
            GraphEdit connect = GraphEdits.connect(graph, wire.from(), wire.to());
            edits.add(connect);
            graph = connect.applyTo(graph);
        }
        return new CompositeEdit(description, edits);
    }
}
