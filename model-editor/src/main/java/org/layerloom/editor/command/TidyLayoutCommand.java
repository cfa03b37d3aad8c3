package org.layerloom.editor.command;

import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.TidyLayout;

/**
 * Lays the whole graph out in layers (left to right or top to bottom) as one undoable step, then runs its
 * follow-up (the editor brings the tidied network into view). Made for one use, on the editor's thread.
 */
public final class TidyLayoutCommand extends GraphCommand {

    private final TidyLayout.Direction direction;
    private final Runnable then;

    public TidyLayoutCommand(EditorViewModel editor, TidyLayout.Direction direction) {
        this(editor, direction, () -> { });
    }

    /** @param then runs after the layers moved (the canvas fits the network into view) */
    public TidyLayoutCommand(EditorViewModel editor, TidyLayout.Direction direction, Runnable then) {
        super(editor);
        this.direction = direction;
        this.then = then;
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
        then.run();
    }

    private MoveNodesCommand delegate() {
        return new MoveNodesCommand(editor, TidyLayout.positions(editor.graph(), direction), name());
    }
}
