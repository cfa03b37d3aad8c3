package org.layerloom.editor.command;

import java.util.LinkedHashMap;
import java.util.Map;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.Position;

/**
 * Moves the selected layers by a few canvas units (arrow keys); repeated nudges are one undo step. Made for
 * one use, on the editor's thread.
 */
public final class NudgeCommand extends GraphCommand {

    private final double dx;
    private final double dy;

    public NudgeCommand(EditorViewModel editor, double dx, double dy) {
        super(editor);
        this.dx = dx;
        this.dy = dy;
    }

    @Override
    public String name() {
        return delegate().name();
    }

    @Override
    public boolean canExecute() {
        return (dx != 0 || dy != 0) && !editor.selection().nodes().isEmpty();
    }

    @Override
    void run() {
        delegate().execute();
    }

    private MoveNodesCommand delegate() {
        Map<String, Position> targets = new LinkedHashMap<>();
        for (String id : editor.selection().orderedNodes()) {
            editor.graph().node(id).ifPresent(n -> targets.put(id, n.position().translated(dx, dy)));
        }
        return new MoveNodesCommand(editor, targets);
    }
}
