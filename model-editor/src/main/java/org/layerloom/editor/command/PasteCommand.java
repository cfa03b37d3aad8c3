package org.layerloom.editor.command;

import java.util.List;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.GraphFragment;

/**
 * Adds a copy of the clipboard's layers, with fresh ids, a little offset, and selects the copies. Made for
 * one use, on the editor's thread.
 */
public final class PasteCommand extends GraphCommand {

    static final double OFFSET = 32;

    public PasteCommand(EditorViewModel editor) {
        super(editor);
    }

    @Override
    public String name() {
        return "Paste";
    }

    @Override
    public boolean canExecute() {
        return !editor.clipboard().isEmpty();
    }

    @Override
    void run() {
        GraphFragment fragment = editor.clipboard().content().orElseThrow();
        double offset = OFFSET * editor.clipboard().nextPasteNumber();
        GraphFragment.Pasted pasted = fragment.pasteInto(editor.graph(), offset, offset, name());
        editor.perform(pasted.edit(), name());
        editor.selection().set(pasted.nodeIds(), List.of());
    }
}
