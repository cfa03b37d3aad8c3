package org.layerloom.editor.view;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.layerloom.editor.command.SetParameterCommand;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;

/**
 * The settings of the selected layer: a ControlsFX {@link PropertySheet} with one {@link ParamItem} per parameter,
 * each edited by a typed {@link ParamEditor} that shows why a value is refused right under it, or "X has no
 * settings." for a layer without parameters. The inspector is narrow, so a {@link StackedPropertySheet} puts each
 * name above its value (the app's training settings, in a wide panel, keep ControlsFX's two columns; both show the
 * value, then the allowed values and a one-line explanation). Every accepted change is one
 * {@link SetParameterCommand}. The items and their editors are kept while the same layer stays selected, so focus
 * survives the document's updates. JavaFX thread only.
 */
final class PropertySheetView extends VBox {

    private final EditorViewModel editor;
    private final PropertySheet sheet = new StackedPropertySheet();
    private final Label none = new Label();
    private final Map<String, ParamItem> items = new LinkedHashMap<>();
    private String nodeId;

    PropertySheetView(EditorViewModel editor) {
        this.editor = editor;
        getStyleClass().add("layer-settings");
        setId("property-sheet");
        sheet.setId("layer-property-sheet");
        sheet.getStyleClass().add("layer-sheet");
        sheet.setPropertyEditorFactory(item -> new ParamEditor((ParamItem) item));
        none.getStyleClass().add("muted");
        none.setId("no-settings");
        none.setWrapText(true);
    }

    /** Shows {@code node}'s parameters (rebuilding the sheet only when another layer is shown). */
    void show(Node node) {
        LayerType type = editor.catalog().type(node.kind());
        if (!node.id().equals(nodeId) || items.size() != type.parameters().size()) {
            nodeId = node.id();
            items.clear();
            for (ParamSpec spec : type.parameters()) {
                items.put(spec.name(), new ParamItem(spec, type.displayName(), valueOf(node, spec),
                        value -> commit(spec, value)));
            }
            sheet.getItems().setAll(items.values());
            none.setText(type.displayName() + " has no settings.");
            getChildren().setAll(items.isEmpty() ? none : sheet);
            return;
        }
        for (ParamSpec spec : type.parameters()) {
            items.get(spec.name()).show(valueOf(node, spec));
        }
    }

    void clear() {
        nodeId = null;
        items.clear();
        sheet.getItems().clear();
        getChildren().clear();
    }

    private static ParamValue valueOf(Node node, ParamSpec spec) {
        return node.params().has(spec.name()) ? node.params().get(spec.name()) : spec.defaultValue();
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
