package org.layerloom.editor.command;

import org.layerloom.editor.model.EditorViewModel;

/** Reverts the last step; its name says which ("Undo Add Dense 1"). Made for one use, on the editor's thread. */
public final class UndoCommand extends GraphCommand {

    public UndoCommand(EditorViewModel editor) {
        super(editor);
    }

    @Override
    public String name() {
        return editor.undoManager().undoName().map(n -> "Undo " + n).orElse("Undo");
    }

    @Override
    public boolean canExecute() {
        return editor.undoManager().canUndo();
    }

    @Override
    void run() {
        editor.undoManager().undo();
    }
}
