package org.layerloom.editor.command;

import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.edit.AddNodeEdit;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * Adds a layer of one kind with default parameters at a canvas position and selects it. Made for one use, on
 * the editor's thread.
 */
public final class AddNodeCommand extends GraphCommand {

    private final AddNodeEdit edit;

    public AddNodeCommand(EditorViewModel editor, LayerKind kind, Position position) {
        super(editor);
        this.edit = GraphEdits.addNode(editor.graph(), kind, position);
    }

    @Override
    public String name() {
        return "Add " + edit.node().name();
    }

    @Override
    public boolean canExecute() {
        return !editor.graph().contains(edit.node().id());
    }

    @Override
    void run() {
        editor.perform(edit, name());
        editor.selection().selectOnly(edit.node().id());
    }

    /** The id the new layer gets. */
    public String nodeId() {
        return edit.node().id();
    }
}
