package org.layerloom.editor.command;

import java.util.Optional;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.ParamParser;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * Sets one parameter of one layer. A value of the wrong type or out of range is refused with the
 * reason ({@link #refusal()}) and never reaches the document; an unchanged value is a no-op.
 * Made for one use, on the editor's thread.
 */
public final class SetParameterCommand extends GraphCommand {

    private final String nodeId;
    private final String param;
    private final ParamValue value;

    public SetParameterCommand(EditorViewModel editor, String nodeId, String param, ParamValue value) {
        super(editor);
        this.nodeId = nodeId;
        this.param = param;
        this.value = value;
    }

    @Override
    public String name() {
        Optional<Node> node = editor.graph().node(nodeId);
        String label = spec().map(ParamSpec::label).orElse(param);
        return "Set " + label + " of " + node.map(Node::name).orElse(nodeId);
    }

    /** Why the value is refused, or empty when it is allowed. */
    public Optional<String> refusal() {
        Optional<ParamSpec> spec = spec();
        if (spec.isEmpty()) {
            return Optional.of("That layer has no parameter " + param + ".");
        }
        return ParamParser.check(spec.get(), value).reason();
    }

    @Override
    public boolean canExecute() {
        return refusal().isEmpty() && editor.graph().node(nodeId)
                .map(n -> n.params().has(param) && !n.params().get(param).equals(value)).orElse(false);
    }

    @Override
    void run() {
        editor.perform(GraphEdits.setParameter(editor.graph(), nodeId, param, value), name());
    }

    private Optional<ParamSpec> spec() {
        return editor.graph().node(nodeId).flatMap(n -> editor.catalog().type(n.kind()).parameter(param));
    }
}
