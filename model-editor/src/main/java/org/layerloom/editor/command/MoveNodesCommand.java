package org.layerloom.editor.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.edit.CompositeEdit;
import org.layerloom.engine.graph.edit.GraphEdit;
import org.layerloom.engine.graph.edit.MoveNodeEdit;

/**
 * Moves layers to new positions as one step (the end of a drag, a nudge, a tidy layout). Consecutive
 * moves of the same layers merge into one undo step.
 * Made for one use, on the editor's thread.
 */
public final class MoveNodesCommand extends GraphCommand {

    private final Map<String, Position> targets;
    private final String name;

    public MoveNodesCommand(EditorViewModel editor, Map<String, Position> targets) {
        this(editor, targets, null);
    }

    MoveNodesCommand(EditorViewModel editor, Map<String, Position> targets, String name) {
        super(editor);
        this.targets = Map.copyOf(targets);
        this.name = name;
    }

    @Override
    public String name() {
        if (name != null) {
            return name;
        }
        if (targets.size() == 1) {
            String id = targets.keySet().iterator().next();
            return "Move " + editor.graph().node(id).map(Node::name).orElse(id);
        }
        return "Move " + targets.size() + " Layers";
    }

    @Override
    public boolean canExecute() {
        return !edits().isEmpty();
    }

    @Override
    void run() {
        editor.perform(new CompositeEdit(name(), edits()), name(), name == null ? coalesceKey() : null);
    }

    private Object coalesceKey() {
        return "move:" + new TreeSet<>(targets.keySet());
    }

    private List<GraphEdit> edits() {
        List<GraphEdit> edits = new ArrayList<>();
        for (Node node : editor.graph().nodes()) {
            Position to = targets.get(node.id());
            if (to != null && !to.equals(node.position())) {
                edits.add(new MoveNodeEdit(node.id(), node.position(), to));
            }
        }
        return edits;
    }
}
