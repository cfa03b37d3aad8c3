package org.layerloom.editor.command;

import org.layerloom.editor.model.EditorViewModel;

/** Base of the commands that work on an {@link EditorViewModel}: checks {@code canExecute} before running. */
abstract class GraphCommand implements EditorCommand {

    protected final EditorViewModel editor;

    GraphCommand(EditorViewModel editor) {
        this.editor = editor;
    }

    @Override
    public final void execute() {
        if (!canExecute()) {
            throw new IllegalStateException(name() + " cannot be done now");
        }
        run();
    }

    abstract void run();
}
