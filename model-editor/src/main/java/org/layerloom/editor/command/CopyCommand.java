package org.layerloom.editor.command;

import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.GraphFragment;

/**
 * Puts the selected layers, and the wires between them, on the editor's clipboard. Made for one use, on the
 * editor's thread.
 */
public final class CopyCommand extends GraphCommand {

    public CopyCommand(EditorViewModel editor) {
        super(editor);
    }

    @Override
    public String name() {
        return "Copy";
    }

    @Override
    public boolean canExecute() {
        return !editor.selection().nodes().isEmpty();
    }

    @Override
    void run() {
        editor.clipboard().put(GraphFragment.of(editor.graph(), editor.selection().orderedNodes()));
        editor.setStatus("Copied " + editor.selection().nodes().size() + " layer(s).");
    }
}
