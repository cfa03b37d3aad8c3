package org.layerloom.editor.command;

import org.layerloom.editor.model.EditorViewModel;

/**
 * Makes the last undone step again; its name says which ("Redo Add Dense 1"). Made for one use, on the
 * editor's thread.
 */
public final class RedoCommand extends GraphCommand {

    public RedoCommand(EditorViewModel editor) {
        super(editor);
    }

    @Override
    public String name() {
        return editor.undoManager().redoName().map(n -> "Redo " + n).orElse("Redo");
    }

    @Override
    public boolean canExecute() {
        return editor.undoManager().canRedo();
    }

    @Override
    void run() {
        editor.undoManager().redo();
    }
}
