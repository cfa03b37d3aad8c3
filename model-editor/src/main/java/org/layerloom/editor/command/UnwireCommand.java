package org.layerloom.editor.command;

import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.graph.edit.GraphEdits;

/** Removes one wire. Made for one use, on the editor's thread. */
public final class UnwireCommand extends GraphCommand {

    private final Wire wire;

    public UnwireCommand(EditorViewModel editor, Wire wire) {
        super(editor);
        this.wire = wire;
    }

    @Override
    public String name() {
        return "Delete Wire";
    }

    @Override
    public boolean canExecute() {
        return editor.graph().wires().contains(wire);
    }

    @Override
    void run() {
        editor.perform(GraphEdits.disconnect(editor.graph(), wire), name());
    }
}
