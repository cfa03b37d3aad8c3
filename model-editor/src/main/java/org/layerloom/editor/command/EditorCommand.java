package org.layerloom.editor.command;

/**
 * One user action on the editor. {@link #canExecute()} says up front whether it would do anything
 * (menus and buttons bind to it); {@link #execute()} does it, as one undoable step where it edits the
 * graph. Commands are cheap, made for one use with the state they see. Not thread-safe: the thread
 * that owns the editor.
 */
public interface EditorCommand {

    /** The action's name for menus and the undo history, e.g. "Delete Dense 1". */
    String name();

    /** True when {@link #execute()} would change something. */
    boolean canExecute();

    /** Performs the action; throws {@link IllegalStateException} when {@link #canExecute()} is false. */
    void execute();

    /** Executes when possible; returns whether it did. */
    default boolean executeIfPossible() {
        if (!canExecute()) {
            return false;
        }
        execute();
        return true;
    }
}
