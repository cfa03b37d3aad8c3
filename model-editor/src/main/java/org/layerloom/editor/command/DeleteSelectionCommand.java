package org.layerloom.editor.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.graph.edit.CompositeEdit;
import org.layerloom.engine.graph.edit.GraphEdit;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * Deletes the selected wires and layers (with every wire touching them) as one step. Made for one use, on the
 * editor's thread.
 */
public final class DeleteSelectionCommand extends GraphCommand {

    public DeleteSelectionCommand(EditorViewModel editor) {
        super(editor);
    }

    @Override
    public String name() {
        Set<String> nodes = editor.selection().nodes();
        Set<Wire> wires = editor.selection().wires();
        if (nodes.size() == 1 && wires.isEmpty()) {
            return "Delete " + editor.graph().node(nodes.iterator().next()).map(n -> n.name()).orElse("layer");
        }
        if (nodes.isEmpty() && wires.size() == 1) {
            return "Delete Wire";
        }
        return "Delete " + (nodes.size() + wires.size()) + " Items";
    }

    @Override
    public boolean canExecute() {
        return !editor.selection().isEmpty();
    }

    @Override
    void run() {
        editor.perform(edit(editor.graph(), editor.selection().orderedNodes(), editor.selection().wires(), name()),
                name());
    }

    static GraphEdit edit(NetworkGraph graph, List<String> nodeIds, Set<Wire> wires, String name) {
        List<GraphEdit> steps = new ArrayList<>();
        NetworkGraph current = graph;
        for (Wire wire : wires) {
            if (current.wires().contains(wire) && !nodeIds.contains(wire.from().nodeId())
                    && !nodeIds.contains(wire.to().nodeId())) {
                GraphEdit step = GraphEdits.disconnect(current, wire);
                current = step.applyTo(current);
                steps.add(step);
            }
        }
        if (!nodeIds.isEmpty()) {
            steps.add(GraphEdits.removeNodes(current, nodeIds));
        }
        return new CompositeEdit(name, steps);
    }
}
