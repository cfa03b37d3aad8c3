package org.layerloom.editor.command;

import java.util.ArrayList;
import java.util.List;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.PortRef;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.edit.AddNodeEdit;
import org.layerloom.engine.graph.edit.AddWireEdit;
import org.layerloom.engine.graph.edit.CompositeEdit;
import org.layerloom.engine.graph.edit.GraphEdit;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * Adds a layer of one kind at a canvas position and selects it, optionally wired after another layer, as one
 * undo step. The layer starts with its defaults, over which an Input takes the dataset's shape and an Output a
 * loss for its task ({@link EditorViewModel#newLayerParameters}). Made for one use, on the editor's thread.
 */
public final class AddNodeCommand extends GraphCommand {

    private final Node node;
    private final GraphEdit edit;

    public AddNodeCommand(EditorViewModel editor, LayerKind kind, Position position) {
        this(editor, kind, position, null);
    }

    /** Adds the layer and, when {@code sourceId} is not null, wires that layer's output into it. */
    public AddNodeCommand(EditorViewModel editor, LayerKind kind, Position position, String sourceId) {
        super(editor);
        this.node = GraphEdits.newNode(editor.graph(), kind, position, editor.newLayerParameters(kind));
        List<GraphEdit> steps = new ArrayList<>();
        steps.add(new AddNodeEdit(node, editor.graph().nodes().size()));
        if (sourceId != null) {
            steps.add(new AddWireEdit(new org.layerloom.engine.graph.Wire(PortRef.out(sourceId),
                    PortRef.in(node.id())), editor.graph().wires().size()));
        }
        this.edit = steps.size() == 1 ? steps.get(0) : new CompositeEdit(name(), steps);
    }

    @Override
    public String name() {
        return "Add " + node.name();
    }

    @Override
    public boolean canExecute() {
        return !editor.graph().contains(node.id());
    }

    @Override
    void run() {
        editor.perform(edit, name());
        editor.selection().selectOnly(node.id());
    }

    /** The id the new layer gets. */
    public String nodeId() {
        return node.id();
    }
}
