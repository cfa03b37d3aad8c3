package org.layerloom.editor.command;

import java.util.List;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.GraphFragment;

/**
 * Copies the selected layers in place, a little offset, without touching the clipboard. Made for one use, on
 * the editor's thread.
 */
public final class DuplicateCommand extends GraphCommand {

    public DuplicateCommand(EditorViewModel editor) {
        super(editor);
    }

    @Override
    public String name() {
        return "Duplicate";
    }

    @Override
    public boolean canExecute() {
        return !editor.selection().nodes().isEmpty();
    }

    @Override
    void run() {
        GraphFragment fragment = GraphFragment.of(editor.graph(), editor.selection().orderedNodes());
        GraphFragment.Pasted pasted = fragment.pasteInto(editor.graph(), PasteCommand.OFFSET, PasteCommand.OFFSET,
                name());
        editor.perform(pasted.edit(), name());
        editor.selection().set(pasted.nodeIds(), List.of());
    }
}
