package org.layerloom.editor.command;

import java.util.List;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.Node;

/**
 * Selects every layer and wire. Not an edit: it leaves the undo history alone. Made for one use, on the
 * editor's thread.
 */
public final class SelectAllCommand extends GraphCommand {

    public SelectAllCommand(EditorViewModel editor) {
        super(editor);
    }

    @Override
    public String name() {
        return "Select All";
    }

    @Override
    public boolean canExecute() {
        return !editor.graph().nodes().isEmpty()
                && (editor.selection().nodes().size() < editor.graph().nodes().size()
                || editor.selection().wires().size() < editor.graph().wires().size());
    }

    @Override
    void run() {
        List<String> ids = editor.graph().nodes().stream().map(Node::id).toList();
        editor.selection().set(ids, editor.graph().wires());
    }
}
