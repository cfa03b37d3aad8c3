package org.layerloom.editor.command;

import java.util.Set;
import java.util.stream.Collectors;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.graph.edit.CompositeEdit;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * Inserts a new layer into a wire (a layer dropped onto it): source → new layer → target, with room made for
 * it ({@link GraphEdits#insertOnWire}), as one undo step, and selects it. Only layers with an input and an output
 * can go into a wire. Made for one use, on the editor's thread.
 */
public final class InsertLayerCommand extends GraphCommand {

    private final Wire wire;
    private final LayerKind kind;
    private final CompositeEdit edit;

    public InsertLayerCommand(EditorViewModel editor, LayerKind kind, Wire wire) {
        super(editor);
        this.wire = wire;
        this.kind = kind;
        LayerType type = LayerCatalog.standard().type(kind);
        this.edit = GraphEdits.insertOnWire(editor.graph(), wire, kind, editor.newLayerParameters(kind),
                "Insert " + type.displayName());
    }

    @Override
    public String name() {
        return edit.description();
    }

    @Override
    public boolean canExecute() {
        LayerType type = LayerCatalog.standard().type(kind);
        return type.hasOutput() && !type.inputPorts().isEmpty() && editor.graph().wires().contains(wire);
    }

    @Override
    void run() {
        Set<String> before = editor.graph().nodes().stream().map(Node::id).collect(Collectors.toSet());
        editor.perform(edit, name());
        editor.graph().nodes().stream().map(Node::id).filter(id -> !before.contains(id)).findFirst()
                .ifPresent(id -> editor.selection().selectOnly(id));
    }
}
