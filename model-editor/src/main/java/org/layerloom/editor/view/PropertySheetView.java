package org.layerloom.editor.view;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.layerloom.editor.command.SetParameterCommand;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;

/**
 * The parameters of the selected layer, one typed {@link ParamEditor} each. A custom sheet rather
 * than ControlsFX's {@code PropertySheet}, so that every editor can show why a value is refused right
 * under it. Every accepted change is one {@link SetParameterCommand}. Editors are kept while the same
 * layer stays selected, so focus survives the document's updates. JavaFX thread only.
 */
final class PropertySheetView extends VBox {

    private final EditorViewModel editor;
    private final Map<String, ParamEditor> editors = new LinkedHashMap<>();
    private String nodeId;

    PropertySheetView(EditorViewModel editor) {
        this.editor = editor;
        getStyleClass().add("property-sheet");
        setId("property-sheet");
    }

    /** Shows {@code node}'s parameters (rebuilding the editors only when another layer is shown). */
    void show(Node node) {
        LayerType type = editor.catalog().type(node.kind());
        if (!node.id().equals(nodeId) || editors.size() != type.parameters().size()) {
            nodeId = node.id();
            editors.clear();
            getChildren().clear();
            for (ParamSpec spec : type.parameters()) {
                ParamEditor paramEditor = new ParamEditor(spec, value -> commit(spec, value));
                editors.put(spec.name(), paramEditor);
                getChildren().add(paramEditor);
            }
            if (type.parameters().isEmpty()) {
                Label none = new Label(type.displayName() + " has no settings.");
                none.getStyleClass().add("muted");
                getChildren().add(none);
            }
        }
        for (ParamSpec spec : type.parameters()) {
            if (node.params().has(spec.name())) {
                editors.get(spec.name()).show(node.params().get(spec.name()));
            }
        }
    }

    void clear() {
        nodeId = null;
        editors.clear();
        getChildren().clear();
    }

    private Optional<String> commit(ParamSpec spec, ParamValue value) {
        SetParameterCommand command = new SetParameterCommand(editor, nodeId, spec.name(), value);
        Optional<String> refusal = command.refusal();
        if (refusal.isEmpty()) {
            command.executeIfPossible();
        }
        return refusal;
    }
}
