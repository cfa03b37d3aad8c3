package org.layerloom.editor.view;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.layerloom.editor.command.RenameCommand;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.Wire;

/**
 * The right-hand panel: for the selected layer its name (editable), kind, shapes, problems with fix
 * buttons, parameters and explanation; for a selected wire what flows on it; otherwise a hint.
 * JavaFX thread only.
 */
final class InspectorView extends ScrollPane {

    private final EditorViewModel editor;
    private final VBox content = new VBox(14);
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final TextField name = new TextField();
    private final Label shapes = new Label();
    private final VBox problems = new VBox(8);
    private final Label paramsTitle = new Label("Settings");
    private final PropertySheetView sheet;
    private final Label explanation = new Label();
    private final Label hint = new Label();
    private String shownNode;

    InspectorView(EditorViewModel editor) {
        this.editor = editor;
        this.sheet = new PropertySheetView(editor);
        getStyleClass().add("inspector");
        setId("inspector");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        title.getStyleClass().add("inspector-title");
        title.setId("inspector-title");
        subtitle.getStyleClass().add("muted");
        name.setId("node-name");
        name.setOnAction(e -> rename());
        name.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                rename();
            }
        });
        shapes.getStyleClass().add("inspector-shapes");
        shapes.setWrapText(true);
        problems.setId("node-problems");
        // Without problems the box takes no room (and no gap) between the shapes and the settings.
        problems.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(problems.getChildren()));
        problems.visibleProperty().bind(problems.managedProperty());
        paramsTitle.getStyleClass().add("section-title");
        explanation.getStyleClass().add("explanation");
        explanation.setWrapText(true);
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        content.getStyleClass().add("inspector-content");
        content.setMinWidth(0);
        // Wrap long texts at the visible width (beside the vertical scroll bar), never beyond it.
        viewportBoundsProperty().addListener((obs, was, is) -> {
            content.setPrefWidth(is.getWidth());
            content.setMaxWidth(is.getWidth());
        });
        setContent(content);
        editor.addListener(this::refresh);
        refresh();
    }

    private void rename() {
        if (shownNode != null) {
            new RenameCommand(editor, shownNode, name.getText()).executeIfPossible();
        }
    }

    void refresh() {
        List<String> nodes = editor.selection().orderedNodes();
        if (nodes.size() == 1) {
            editor.graph().node(nodes.get(0)).ifPresentOrElse(this::showNode, this::showHint);
            return;
        }
        shownNode = null;
        sheet.clear();
        if (nodes.isEmpty() && editor.selection().wires().size() == 1) {
            showWire(editor.selection().wires().iterator().next());
        } else {
            showHint();
        }
    }

    private void showNode(Node node) {
        LayerType type = editor.catalog().type(node.kind());
        boolean changed = !node.id().equals(shownNode);
        shownNode = node.id();
        title.setText(node.name());
        title.setGraphic(LayerIcon.of(type.category()));
        subtitle.setText(type.displayName() + " · " + type.category().label());
        if (changed || !name.isFocused()) {
            name.setText(node.name());
        }
        Optional<NodeReport> report = editor.report().node(node.id());
        String in = report.map(r -> String.join(", ", r.inputs().stream().map(Object::toString).toList())).orElse("");
        String out = report.flatMap(NodeReport::output).map(Object::toString).orElse("?");
        long params = report.map(NodeReport::parameters).orElse(0L);
        shapes.setText((in.isEmpty() ? "" : "In: " + in + "\n") + "Out: " + out + "\nParameters: "
                + String.format(java.util.Locale.ROOT, "%,d", params));
        problems.getChildren().clear();
        for (Problem problem : editor.report().problemsFor(node.id())) {
            problems.getChildren().add(FixButtons.card(editor, problem));
        }
        sheet.show(node);
        String text = type.explanation().text();
        explanation.setText(type.explanation().hasFormula() ? text + "\n\n" + type.explanation().formula() : text);
        Label nameLabel = new Label("Name");
        nameLabel.getStyleClass().add("param-label");
        if (changed || content.getChildren().size() < 3) {
            content.getChildren().setAll(new VBox(4, title, subtitle), new VBox(4, nameLabel, name), shapes, problems,
                    paramsTitle, sheet, section("About this layer"), explanation);
        }
    }

    private void showWire(Wire wire) {
        String from = editor.graph().node(wire.from().nodeId()).map(Node::name).orElse("?");
        String to = editor.graph().node(wire.to().nodeId()).map(Node::name).orElse("?");
        title.setText("Wire");
        title.setGraphic(null);
        subtitle.setText(from + " → " + to);
        hint.setText(editor.report().shapeOf(wire).map(s -> "Carries " + s.describe() + " (" + s + ") per example.")
                .orElse("The shape on this wire is not known yet.") + "\n\nPress Delete to remove it.");
        content.getChildren().setAll(new VBox(4, title, subtitle), hint);
    }

    private void showHint() {
        shownNode = null;
        sheet.clear();
        int n = editor.selection().nodes().size();
        title.setText(n > 1 ? n + " layers selected" : "Nothing selected");
        title.setGraphic(null);
        subtitle.setText("");
        hint.setText(n > 1 ? "Move them together, copy them (Ctrl+C) or delete them (Delete)."
                : "Drag a layer from the list on the left onto the canvas, then drag from its right-hand port to the"
                        + " left-hand port of another layer to connect them. Click a layer to see and change its"
                        + " settings here.");
        content.getChildren().setAll(new VBox(4, title, subtitle), hint);
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }
}
