package org.layerloom.editor.command;

import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * Gives a layer a new display name (blank names and unchanged names are refused). Made for one use, on the
 * editor's thread.
 */
public final class RenameCommand extends GraphCommand {

    private final String nodeId;
    private final String newName;

    public RenameCommand(EditorViewModel editor, String nodeId, String newName) {
        super(editor);
        this.nodeId = nodeId;
        this.newName = newName == null ? "" : newName.strip();
    }

    @Override
    public String name() {
        return "Rename " + editor.graph().node(nodeId).map(n -> n.name()).orElse(nodeId);
    }

    @Override
    public boolean canExecute() {
        return !newName.isEmpty() && editor.graph().node(nodeId).map(n -> !n.name().equals(newName)).orElse(false);
    }

    @Override
    void run() {
        editor.perform(GraphEdits.rename(editor.graph(), nodeId, newName), name());
    }
}
