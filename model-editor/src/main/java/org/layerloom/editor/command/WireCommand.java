package org.layerloom.editor.command;

import java.util.List;
import java.util.Optional;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.PortRef;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * Connects an output port to an input port when the cheap connection check allows it. After the
 * wire is drawn, the status line tells what the full check found (the shape the target now receives,
 * or its problem).
 * Made for one use, on the editor's thread.
 */
public final class WireCommand extends GraphCommand {

    private final PortRef from;
    private final PortRef to;

    public WireCommand(EditorViewModel editor, PortRef from, PortRef to) {
        super(editor);
        this.from = from;
        this.to = to;
    }

    @Override
    public String name() {
        String a = editor.graph().node(from.nodeId()).map(n -> n.name()).orElse(from.nodeId());
        String b = editor.graph().node(to.nodeId()).map(n -> n.name()).orElse(to.nodeId());
        return "Connect " + a + " to " + b;
    }

    /** Why the wire cannot be drawn, or empty. */
    public Optional<String> refusal() {
        return editor.connectionRules().cheapCheck(editor.graph(), from, to);
    }

    @Override
    public boolean canExecute() {
        return refusal().isEmpty();
    }

    @Override
    void run() {
        Wire wire = new Wire(from, to);
        List<Problem> problems = editor.connectionRules().fullCheck(editor.validator(), editor.graph(), wire);
        editor.perform(GraphEdits.connect(editor.graph(), from, to), name());
        String target = editor.graph().requireNode(to.nodeId()).name();
        editor.setStatus(problems.isEmpty()
                ? editor.report().shapeOf(wire).map(s -> target + " now receives " + s.describe() + ".")
                        .orElse("Connected.")
                : problems.get(0).message());
    }
}
