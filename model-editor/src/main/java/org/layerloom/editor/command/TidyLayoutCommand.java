package org.layerloom.editor.command;

import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.TidyLayout;

/**
 * Lays the whole graph out in layers (left to right or top to bottom) as one undoable step. Made for one use,
 * on the editor's thread.
 */
public final class TidyLayoutCommand extends GraphCommand {

    private final TidyLayout.Direction direction;

    public TidyLayoutCommand(EditorViewModel editor, TidyLayout.Direction direction) {
        super(editor);
        this.direction = direction;
    }

    @Override
    public String name() {
        return direction == TidyLayout.Direction.LEFT_TO_RIGHT ? "Tidy Layout" : "Tidy Layout Top to Bottom";
    }

    @Override
    public boolean canExecute() {
        return delegate().canExecute();
    }

    @Override
    void run() {
        delegate().execute();
    }

    private MoveNodesCommand delegate() {
        return new MoveNodesCommand(editor, TidyLayout.positions(editor.graph(), direction), name());
    }
}
