package org.layerloom.editor.command;

import java.util.Set;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.GraphFragment;

/**
 * Copies the selected layers to the clipboard and deletes them, as one undo step. Made for one use, on the
 * editor's thread.
 */
public final class CutCommand extends GraphCommand {

    public CutCommand(EditorViewModel editor) {
        super(editor);
    }

    @Override
    public String name() {
        return "Cut";
    }

    @Override
    public boolean canExecute() {
        return !editor.selection().nodes().isEmpty();
    }

    @Override
    void run() {
        editor.clipboard().put(GraphFragment.of(editor.graph(), editor.selection().orderedNodes()));
        String name = new DeleteSelectionCommand(editor).name().replaceFirst("^Delete", "Cut");
        editor.perform(DeleteSelectionCommand.edit(editor.graph(), editor.selection().orderedNodes(), Set.of(), name),
                name);
    }
}
